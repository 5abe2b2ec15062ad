/// Adds up ratings per wine, in one pass over a ratings file, with exact arithmetic.
///
/// Ratings are kept in hundredths as integers, so the average is exact before it is rounded (half up) to two
/// decimal places; 21 million ratings of 100,000 wines take a few megabytes.
public struct XWinesRatingTally: Sendable {
    private var totals: [Int: (hundredths: Int, count: Int)] = [:]

    public init() {}

    /// The number of ratings added.
    public private(set) var ratingCount = 0

    /// The number of distinct wines rated.
    public var wineCount: Int { totals.count }

    /// Adds one rating (1 to 5; anything finer than hundredths is rounded) of the wine `wineID`.
    public mutating func add(wineID: Int, rating: Double) {
        let hundredths = Int((rating * 100).rounded())
        totals[wineID, default: (0, 0)].hundredths += hundredths
        totals[wineID, default: (0, 0)].count += 1
        ratingCount += 1
    }

    /// The wine's average (rounded half up to 2 decimal places) and number of ratings, or nil when it has none.
    public func summary(for wineID: Int) -> (average: Double, count: Int)? {
        guard let total = totals[wineID], total.count > 0 else { return nil }
        let roundedHundredths = (2 * total.hundredths + total.count) / (2 * total.count)
        return (Double(roundedHundredths) / 100, total.count)
    }
}
