public import Foundation

/// Which wines a list or search wants, in which order, and which page.
public struct WineQuery: Sendable, Equatable {
    /// Full-text words; each matches as a prefix, accents and case ignored. Nil or blank for no text search.
    public var text: String?
    /// An exact vintage year.
    public var vintage: Int?
    /// The earliest and latest vintage year (inclusive, either may be nil); non-vintage wines never match a bound.
    public var vintageFrom: Int?
    public var vintageTo: Int?
    /// Case-insensitive substrings.
    public var grape: String?
    public var winery: String?
    public var region: String?
    public var country: String?
    public var wineType: WineType?
    /// Only wines with bottles in this storage location (a lot there that is not empty; exact, case-insensitive).
    public var location: String?
    /// True: only wines with bottles; false: only wines without.
    public var inStock: Bool?
    /// Wines with a check-in, or a check-out, inside these bounds (inclusive).
    public var checkedInAfter: Date?
    public var checkedInBefore: Date?
    public var checkedOutAfter: Date?
    public var checkedOutBefore: Date?
    public var sort: Sort
    public var descending: Bool
    public var skip: Int
    public var limit: Int

    public init(
        text: String? = nil, vintage: Int? = nil, vintageFrom: Int? = nil, vintageTo: Int? = nil, grape: String? = nil,
        winery: String? = nil, region: String? = nil,
        country: String? = nil, wineType: WineType? = nil, location: String? = nil, inStock: Bool? = nil,
        checkedInAfter: Date? = nil,
        checkedInBefore: Date? = nil, checkedOutAfter: Date? = nil, checkedOutBefore: Date? = nil,
        sort: Sort = .newest, descending: Bool = true, skip: Int = 0, limit: Int = 100
    ) {
        self.text = text
        self.vintage = vintage
        self.vintageFrom = vintageFrom
        self.vintageTo = vintageTo
        self.grape = grape
        self.winery = winery
        self.region = region
        self.country = country
        self.wineType = wineType
        self.location = location
        self.inStock = inStock
        self.checkedInAfter = checkedInAfter
        self.checkedInBefore = checkedInBefore
        self.checkedOutAfter = checkedOutAfter
        self.checkedOutBefore = checkedOutBefore
        self.sort = sort
        self.descending = descending
        self.skip = skip
        self.limit = limit
    }

    /// Orders a list can be sorted in. Every order ends with a unique key, so pages never overlap.
    public enum Sort: String, Sendable, CaseIterable {
        /// When the wine was added (the default for lists).
        case newest = "created_at"
        case name
        case vintage
        case winery
        case bottles
        case updated = "updated_at"
        /// Best full-text match first (the default for searches with text).
        case relevance
    }

    /// The words of `text` as the search index sees them: letters and digits, split on everything else.
    public var searchWords: [String] {
        guard let text else { return [] }
        return text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }
}
