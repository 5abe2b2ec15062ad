/// The fields of a cellar wine that a reference wine can fill in, when a wine picked from X-Wines is checked in.
///
/// Check-in fills only the fields the member left empty. The values follow the cellar's conventions:
/// - ``wineType`` is the cellar's type: Red → `red`, White → `white`, Rosé → `rosé`, Sparkling → `sparkling`,
///   Dessert and Dessert/Port → `dessert`, Fortified → `fortified`; any other type gives nil (left for the
///   member to choose).
/// - ``grapeVariety`` is the grape for a single-variety wine and, for blends, every grape in the data set's order
///   joined with ", " (as the earlier WineBox did), so that no grape of a blend is lost; the separate grapes
///   are ``grapes``, for the cellar's blend table.
public struct XWinesCellarFields: Sendable, Hashable {
    public var name: String
    public var winery: String?
    public var wineType: String?
    public var grapeVariety: String?
    public var grapes: [String]
    public var country: String?
    public var region: String?
    public var alcoholPercentage: Double?
    /// The reference wine's id, to keep as the cellar wine's `xwines_id`.
    public var xwinesID: Int

    public init(_ wine: XWinesWine) {
        name = wine.name
        winery = wine.wineryName
        wineType = Self.cellarWineType(wine.wineType)
        grapes = wine.grapes
        grapeVariety = wine.grapes.isEmpty ? nil : wine.grapes.joined(separator: ", ")
        country = wine.country
        region = wine.regionName
        alcoholPercentage = wine.abv
        xwinesID = wine.id
    }

    /// The cellar's wine type for an X-Wines type (compared case-insensitively), or nil when there is none.
    public static func cellarWineType(_ xwinesType: String) -> String? {
        switch xwinesType.trimmingSpaces.lowercased() {
        case "red": return "red"
        case "white": return "white"
        case "rosé", "rose": return "rosé"
        case "sparkling": return "sparkling"
        case "dessert", "dessert/port": return "dessert"
        case "fortified": return "fortified"
        default: return nil
        }
    }
}
