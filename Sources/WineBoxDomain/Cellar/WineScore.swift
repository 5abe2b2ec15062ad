public import Foundation

/// A critic's or community score for a wine.
public struct WineScore: Sendable, Equatable {
    /// A lower-case UUID.
    public var id: String
    public var wineID: String
    /// Who gave it ("Wine Spectator", "Vivino").
    public var source: String
    /// On `scale`: 0…100, 0…20 or 0…5.
    public var score: Double
    public var scale: ScoreScale
    /// `YYYY-MM-DD`.
    public var reviewDate: String?
    public var reviewer: String?
    public var notes: String
    public var createdAt: Date

    public init(
        id: String, wineID: String, source: String, score: Double, scale: ScoreScale, reviewDate: String?,
        reviewer: String?, notes: String, createdAt: Date
    ) {
        self.id = id
        self.wineID = wineID
        self.source = source
        self.score = score
        self.scale = scale
        self.reviewDate = reviewDate
        self.reviewer = reviewer
        self.notes = notes
        self.createdAt = createdAt
    }

    /// The score on a 0–100 scale.
    public var normalizedScore: Double { scale.normalize(score) }
}

/// One grape of a blend.
public struct BlendComponent: Sendable, Equatable {
    public var grape: String
    /// Share of the blend in percent (0–100); nil when unknown.
    public var percentage: Double?

    public init(grape: String, percentage: Double?) {
        self.grape = grape
        self.percentage = percentage
    }
}
