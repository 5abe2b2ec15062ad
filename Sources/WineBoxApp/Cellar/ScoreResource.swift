import Foundation
import WineBoxDomain
import WineBoxSupport

/// A score in the earlier WineBox's shape (`score_type` `100_point`/`20_point`/`5_star`, `normalized_score`).
struct ScoreResource: JSONWritable {
    let score: WineScore

    init(_ score: WineScore) {
        self.score = score
    }

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("id", score.id)
            json.field("wine_id", score.wineID)
            json.field("source", score.source)
            json.field("score", score.score)
            json.field("score_type", score.scale.referenceName)
            json.field("review_date", score.reviewDate)
            json.field("reviewer", score.reviewer)
            json.field("notes", score.notes.isEmpty ? nil : score.notes)
            json.field("created_at", score.createdAt)
            json.field("normalized_score", score.normalizedScore)
        }
    }

    /// The mean of the normalised scores, 2 decimals; nil without scores.
    static func average(_ scores: [WineScore]) -> Double? {
        guard !scores.isEmpty else { return nil }
        let mean = scores.reduce(0) { $0 + $1.normalizedScore } / Double(scores.count)
        return (mean * 100).rounded() / 100
    }
}
