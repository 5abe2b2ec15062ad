import Foundation

/// The scale a critic or community score is given on. Every score is also shown normalised to 100.
public enum ScoreScale: Int, Sendable, CaseIterable {
    case hundredPoint = 100
    case twentyPoint = 20
    case fiveStar = 5

    /// The earlier WineBox's `score_type` names: `100_point`, `20_point`, `5_star`.
    public var referenceName: String {
        switch self {
        case .hundredPoint: "100_point"
        case .twentyPoint: "20_point"
        case .fiveStar: "5_star"
        }
    }

    /// Accepts the reference names and the bare numbers `100`, `20`, `5`.
    public init?(loose text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let match = Self.allCases.first(where: { $0.referenceName == trimmed || String($0.rawValue) == trimmed }) {
            self = match
        } else {
            return nil
        }
    }

    /// `score` on a 0–100 scale, rounded to 2 decimals.
    public func normalize(_ score: Double) -> Double {
        (score * 100 / Double(rawValue) * 100).rounded() / 100
    }
}
