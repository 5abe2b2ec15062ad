/// Finds the columns a CSV file must have in its header record.
enum XWinesHeader {
    /// The position of each of `required` in `header` (names compared exactly, after trimming spaces).
    ///
    /// - Throws: ``WineBoxError`` `.invalidInput` naming the first missing column and `fileKind`.
    static func positions(of required: [String], in header: [String], fileKind: String) throws(WineBoxError)
        -> [String: Int]
    {
        var positions: [String: Int] = [:]
        for (index, name) in header.enumerated() where positions[name.trimmingSpaces] == nil {
            positions[name.trimmingSpaces] = index
        }
        for column in required where positions[column] == nil {
            throw WineBoxError(
                .invalidInput, "This is not \(fileKind): its header has no '\(column)' column")
        }
        return positions
    }
}
