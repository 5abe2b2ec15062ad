import Foundation

/// The style of a wine. Stored and answered in lower case; `rosé` keeps its accent.
public enum WineType: String, Sendable, CaseIterable, Codable {
    case red
    case white
    case rose = "rosé"
    case sparkling
    case dessert
    case fortified
    case other

    /// Reads the spellings people and other tools use: any case, `rose` without the accent, `Dessert/Port` (the
    /// X-Wines name for port) and `port`, `sherry` for fortified wines. Nil when nothing fits.
    public init?(loose text: String) {
        let folded = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch folded {
        case "red": self = .red
        case "white": self = .white
        case "rosé", "rose", "rosado", "rosato": self = .rose
        case "sparkling", "champagne": self = .sparkling
        case "dessert", "dessert/port", "sweet": self = .dessert
        case "fortified", "port", "sherry", "madeira": self = .fortified
        case "other": self = .other
        default: return nil
        }
    }
}
