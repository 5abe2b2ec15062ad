import Foundation

/// Why bottles left the cellar.
///
/// The API answers the earlier WineBox's upper-case names (`DRINK`, `SELL`, `GIFT`, `BREAKAGE`, `OTHER`) in
/// `removal_reason`; the database stores the lower-case raw values.
public enum RemovalReason: String, Sendable, CaseIterable {
    case drank
    case sold
    case gifted
    case breakage
    case other

    /// Accepts the earlier WineBox's names (`DRINK`, `SELL`, `GIFT`, `OTHER`) and this one's (`drank`, `sold`,
    /// `gifted`, `breakage`, `other`), in any case. `BREAKAGE` is accepted too (the earlier WineBox refused it).
    public init?(loose text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "drink", "drank", "drunk": self = .drank
        case "sell", "sold": self = .sold
        case "gift", "gifted": self = .gifted
        case "breakage", "broken": self = .breakage
        case "other": self = .other
        default: return nil
        }
    }

    /// The earlier WineBox's name for the reason.
    public var referenceName: String {
        switch self {
        case .drank: "DRINK"
        case .sold: "SELL"
        case .gifted: "GIFT"
        case .breakage: "BREAKAGE"
        case .other: "OTHER"
        }
    }
}
