/// A country, wine region, sub-region or appellation of the gazetteer, with the places above it.
public struct GazetteerPlace: Sendable, Equatable {
    public enum Level: Sendable, Equatable {
        case country
        case region
        case subRegion
        case appellation
    }

    public let level: Level
    /// The canonical name, as WineBox shows it ("Médoc", "United States").
    public let name: String
    public let country: String
    /// The region it lies in; for a region, its own name; nil for a country.
    public let region: String?
    /// The sub-region it lies in; for a sub-region, its own name; nil when there is none.
    public let subRegion: String?
    /// For an appellation that makes one style only (Sauternes: dessert, Champagne: sparkling), that style.
    public let wineType: WineType?

    public init(
        level: Level, name: String, country: String, region: String? = nil, subRegion: String? = nil,
        wineType: WineType? = nil
    ) {
        self.level = level
        self.name = name
        self.country = country
        self.region = region
        self.subRegion = subRegion
        self.wineType = wineType
    }
}
