import Foundation

/// What was read from a wine's labels: every field optional, nil when the label did not say.
///
/// Produced by the offline text parser (``LabelTextParser``), by Claude's answer after validation, and by X-Wines
/// matching; it is a proposal for a person to confirm, never stored as it is. Texts are trimmed and never empty.
public struct LabelFields: Sendable, Equatable {
    public var name: String?
    public var winery: String?
    /// The harvest year (1800 up to the current year); nil for a non-vintage wine or when not found.
    public var vintage: Int?
    /// The single grape, or the dominant grape of a blend, in its canonical spelling ("Syrah", not "Shiraz").
    public var grapeVariety: String?
    /// Every grape named, in the label's order, with its share when the label gives one.
    public var grapes: [BlendComponent]
    public var region: String?
    public var subRegion: String?
    /// The protected designation (AOC/AOP/DOC/DOCG/DO/AVA …), e.g. "Margaux".
    public var appellation: String?
    public var country: String?
    /// A quality tier such as "Grand Cru", "Riserva" or "Spätlese".
    public var classification: String?
    /// Alcohol by volume, in percent.
    public var alcoholPercentage: Double?
    public var wineType: WineType?
    /// Bottle size in millilitres.
    public var bottleSizeML: Int?
    /// The drinking window the label suggests, as years (inclusive).
    public var drinkFrom: Int?
    public var drinkUntil: Int?

    public init(
        name: String? = nil, winery: String? = nil, vintage: Int? = nil, grapeVariety: String? = nil,
        grapes: [BlendComponent] = [], region: String? = nil, subRegion: String? = nil, appellation: String? = nil,
        country: String? = nil, classification: String? = nil, alcoholPercentage: Double? = nil,
        wineType: WineType? = nil, bottleSizeML: Int? = nil, drinkFrom: Int? = nil, drinkUntil: Int? = nil
    ) {
        self.name = name
        self.winery = winery
        self.vintage = vintage
        self.grapeVariety = grapeVariety
        self.grapes = grapes
        self.region = region
        self.subRegion = subRegion
        self.appellation = appellation
        self.country = country
        self.classification = classification
        self.alcoholPercentage = alcoholPercentage
        self.wineType = wineType
        self.bottleSizeML = bottleSizeML
        self.drinkFrom = drinkFrom
        self.drinkUntil = drinkUntil
    }

    /// True when nothing at all was read.
    public var isEmpty: Bool { self == LabelFields() }
}
