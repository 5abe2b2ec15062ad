public import Foundation

/// A wine in the household's cellar: its details, its labels, and its stock (the sum of its lots).
public struct Wine: Sendable, Equatable {
    /// A lower-case UUID.
    public var id: String
    public var details: WineDetails
    /// Stored file names of the label photos (see the image store); nil when there is none.
    public var frontLabelImage: String?
    public var backLabelImage: String?
    /// The X-Wines reference wine it was matched with or picked from.
    public var xwinesID: Int?
    /// The fields that were filled from X-Wines rather than typed or read from the label.
    public var enrichedFields: [String]
    /// Bottles in the cellar now: the sum of the wine's lots, never negative.
    public var bottles: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, details: WineDetails, frontLabelImage: String? = nil, backLabelImage: String? = nil,
        xwinesID: Int? = nil, enrichedFields: [String] = [], bottles: Int = 0, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.details = details
        self.frontLabelImage = frontLabelImage
        self.backLabelImage = backLabelImage
        self.xwinesID = xwinesID
        self.enrichedFields = enrichedFields
        self.bottles = bottles
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
