public import WineBoxDomain

/// What an X-Wines import did.
public struct XWinesImportSummary: Sendable, Hashable {
    /// The version the wines file was taken for.
    public var variant: XWinesVariant
    /// Wine records read (the header excluded).
    public var winesRead = 0
    /// New wines.
    public var inserted = 0
    /// Wines that existed with other values and were replaced.
    public var updated = 0
    /// Wines that existed with the same values.
    public var unchanged = 0
    /// Wine records skipped for bad data.
    public var skipped = 0
    /// Why the first few records were skipped, each starting with its line number ("Line 12: ABV is not a
    /// percentage"); at most ``XWinesImporter/reportedProblemLimit`` of them, in file order.
    public var problems: [String] = []
    /// Ratings read and counted (only with a ratings file).
    public var ratingsRead = 0
    /// Rating records skipped for bad data.
    public var ratingsSkipped = 0
    /// Ratings of wines that are not in the wines file (read, but not counted for any wine).
    public var ratingsUnmatched = 0
    /// Reference wines in the database after the import.
    public var wineCount = 0
    /// The seconds the import took.
    public var seconds = 0.0

    /// Wines written or found unchanged.
    public var imported: Int { inserted + updated + unchanged }

    public init(variant: XWinesVariant) {
        self.variant = variant
    }
}
