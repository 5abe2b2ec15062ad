/// A search of the reference data set, checked: what `GET /api/xwines/search` accepts.
///
/// Text is trimmed; an empty text (after trimming) means "no text", a filter-only search. Filters are trimmed and
/// an empty one is ignored.
public struct XWinesSearchQuery: Sendable, Hashable {
    /// The shortest and longest text accepted, in characters.
    public static let textLength = 2...200
    /// The accepted page sizes; the default is 10.
    public static let limits = 1...50
    /// The accepted offsets.
    public static let skips = 0...10_000

    public let text: String?
    /// The data set's type (Red, Dessert/Port, …), compared without regard to case or accents.
    public let wineType: String?
    /// An ISO country code or a country name, compared without regard to case or accents.
    public let country: String?
    public let limit: Int
    public let skip: Int

    /// - Throws: ``WineBoxError`` `.invalidInput` with a message for the person searching, when the text is
    ///   shorter than 2 or longer than 200 characters, a filter is too long (type: 50, country: 100 characters),
    ///   or `limit`/`skip` are out of range.
    public init(
        text: String?, wineType: String? = nil, country: String? = nil, limit: Int = 10, skip: Int = 0
    ) throws(WineBoxError) {
        let text = text?.trimmingSpaces ?? ""
        if !text.isEmpty && !Self.textLength.contains(text.count) {
            throw WineBoxError(.invalidInput, "The search text must have 2 to 200 characters")
        }
        let wineType = wineType?.trimmingSpaces ?? ""
        let country = country?.trimmingSpaces ?? ""
        guard wineType.count <= 50 else {
            throw WineBoxError(.invalidInput, "wine_type must have at most 50 characters")
        }
        guard country.count <= 100 else {
            throw WineBoxError(.invalidInput, "country must have at most 100 characters")
        }
        guard Self.limits.contains(limit) else {
            throw WineBoxError(.invalidInput, "limit must be a whole number from 1 to 50")
        }
        guard Self.skips.contains(skip) else {
            throw WineBoxError(.invalidInput, "skip must be a whole number from 0 to 10000")
        }
        self.text = text.isEmpty ? nil : text
        self.wineType = wineType.isEmpty ? nil : wineType
        self.country = country.isEmpty ? nil : country
        self.limit = limit
        self.skip = skip
    }
}
