/// One record of a CSV file: its fields, decoded as UTF-8, and where it starts.
public struct CSVRecord: Sendable, Equatable {
    /// The fields, in order; quotes are removed and doubled quotes are undone.
    public var fields: [String]
    /// The 1-based line of the file on which the record starts (a record may span lines inside quotes).
    public var line: Int
    /// False when the record's bytes were not valid UTF-8; its fields then hold U+FFFD replacement characters.
    public var isValidUTF8: Bool

    public init(fields: [String], line: Int, isValidUTF8: Bool = true) {
        self.fields = fields
        self.line = line
        self.isValidUTF8 = isValidUTF8
    }
}
