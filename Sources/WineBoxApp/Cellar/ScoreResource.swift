import Foundation
import WineBoxDomain

/// A score in the earlier WineBox's shape (`score_type` `100_point`/`20_point`/`5_star`, `normalized_score`).
struct ScoreResource: Encodable {
    let score: WineScore

    init(_ score: WineScore) {
        self.score = score
    }

    enum Key: String, CodingKey {
        case id
        case wineID = "wine_id"
        case source, score
        case scoreType = "score_type"
        case reviewDate = "review_date"
        case reviewer
        case notes
        case createdAt = "created_at"
        case normalizedScore = "normalized_score"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(score.id, forKey: .id)
        try container.encode(score.wineID, forKey: .wineID)
        try container.encode(score.source, forKey: .source)
        try container.encode(score.score, forKey: .score)
        try container.encode(score.scale.referenceName, forKey: .scoreType)
        try container.encode(score.reviewDate, forKey: .reviewDate)
        try container.encode(score.reviewer, forKey: .reviewer)
        try container.encode(score.notes.isEmpty ? nil : score.notes, forKey: .notes)
        try container.encode(score.createdAt, forKey: .createdAt)
        try container.encode(score.normalizedScore, forKey: .normalizedScore)
    }

    /// The mean of the normalised scores, 2 decimals; nil without scores.
    static func average(_ scores: [WineScore]) -> Double? {
        guard !scores.isEmpty else { return nil }
        let mean = scores.reduce(0) { $0 + $1.normalizedScore } / Double(scores.count)
        return (mean * 100).rounded() / 100
    }
}
