/// One wine of the X-Wines reference data set (de Azambuja et al., 2023), as WineBox keeps it.
///
/// Text fields are trimmed and nil when the file left them empty. The list cells of the CSV file (Grapes,
/// Harmonize, Vintages) are parsed into arrays. ``averageRating`` (1 to 5, rounded to 2 decimal places) and
/// ``ratingCount`` come from the ratings file, when one was imported.
public struct XWinesWine: Sendable, Hashable {
    /// The data set's WineID, a positive integer; the primary key.
    public var id: Int
    public var name: String
    /// The data set's type, as written there: Red, White, Rosé, Sparkling, Dessert, Dessert/Port, …
    public var wineType: String
    /// How it is made, such as `Varietal/100%` or `Assemblage/Bordeaux Red Blend`.
    public var elaborate: String?
    /// Grape varieties, in the data set's order.
    public var grapes: [String]
    /// Food pairings.
    public var harmonize: [String]
    /// Alcohol by volume, in percent.
    public var abv: Double?
    /// Such as `Full-bodied`.
    public var body: String?
    /// `Low`, `Medium` or `High`.
    public var acidity: String?
    /// ISO 3166-1 alpha-2 code, such as `FR`.
    public var countryCode: String?
    public var country: String?
    public var regionID: Int?
    public var regionName: String?
    public var wineryID: Int?
    public var wineryName: String?
    public var website: String?
    /// The vintages the data set knows for this wine, newest first, with `N.V.` for non-vintage bottlings.
    public var vintages: [XWinesVintage]
    public var averageRating: Double?
    public var ratingCount: Int

    public init(
        id: Int, name: String, wineType: String, elaborate: String? = nil, grapes: [String] = [],
        harmonize: [String] = [], abv: Double? = nil, body: String? = nil, acidity: String? = nil,
        countryCode: String? = nil, country: String? = nil, regionID: Int? = nil, regionName: String? = nil,
        wineryID: Int? = nil, wineryName: String? = nil, website: String? = nil, vintages: [XWinesVintage] = [],
        averageRating: Double? = nil, ratingCount: Int = 0
    ) {
        self.id = id
        self.name = name
        self.wineType = wineType
        self.elaborate = elaborate
        self.grapes = grapes
        self.harmonize = harmonize
        self.abv = abv
        self.body = body
        self.acidity = acidity
        self.countryCode = countryCode
        self.country = country
        self.regionID = regionID
        self.regionName = regionName
        self.wineryID = wineryID
        self.wineryName = wineryName
        self.website = website
        self.vintages = vintages
        self.averageRating = averageRating
        self.ratingCount = ratingCount
    }
}
