/// One entry of a reference wine's vintages: a year, or a label such as `N.V.` (non-vintage).
///
/// Encodes to JSON as a number for a year and as a string for a label, as the data set writes them.
public enum XWinesVintage: Sendable, Hashable, Codable {
    case year(Int)
    case label(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let year = try? container.decode(Int.self) {
            self = .year(year)
        } else {
            self = .label(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .year(let year): try container.encode(year)
        case .label(let label): try container.encode(label)
        }
    }
}
