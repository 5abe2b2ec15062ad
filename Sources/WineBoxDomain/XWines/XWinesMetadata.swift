public import Foundation

/// What the last X-Wines import loaded: which version, from which files, when, and how much.
public struct XWinesMetadata: Sendable, Hashable {
    public var variant: XWinesVariant
    /// The wines file's name (without its folder).
    public var source: String
    /// The ratings file's name, when ratings were imported with the wines.
    public var ratingsSource: String?
    public var importDate: Date
    /// The number of reference wines after the import (all imports together).
    public var wineCount: Int
    /// The number of ratings behind the wines' averages (the sum of their rating counts).
    public var ratingCount: Int

    public init(
        variant: XWinesVariant, source: String, ratingsSource: String?, importDate: Date, wineCount: Int,
        ratingCount: Int
    ) {
        self.variant = variant
        self.source = source
        self.ratingsSource = ratingsSource
        self.importDate = importDate
        self.wineCount = wineCount
        self.ratingCount = ratingCount
    }
}
