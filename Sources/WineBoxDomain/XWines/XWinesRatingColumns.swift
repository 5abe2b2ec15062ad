/// The header of an X-Wines ratings file (RatingID, UserID, WineID, Vintage, Rating, Date), and the decoding of
/// the two columns WineBox uses: WineID and Rating.
public struct XWinesRatingColumns: Sendable {
    /// The columns a ratings file must have.
    public static let required = ["WineID", "Rating"]

    private let wineID: Int
    private let rating: Int

    /// Reads the header record.
    ///
    /// - Throws: ``WineBoxError`` `.invalidInput` naming the first missing column.
    public init(header: [String]) throws(WineBoxError) {
        let positions = try XWinesHeader.positions(
            of: Self.required, in: header, fileKind: "an X-Wines ratings file")
        wineID = positions["WineID"] ?? 0
        rating = positions["Rating"] ?? 0
    }

    /// The wine and the rating (1 to 5) of one record, or nil when either is missing or out of range.
    public func rating(from record: CSVRecord) -> (wineID: Int, rating: Double)? {
        guard record.fields.count > max(wineID, rating),
            let id = Int(record.fields[wineID].trimmingSpaces), id > 0,
            let value = Double(record.fields[rating].trimmingSpaces), (1...5).contains(value)
        else { return nil }
        return (id, value)
    }
}
