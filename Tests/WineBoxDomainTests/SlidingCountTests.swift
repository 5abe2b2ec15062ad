import Testing

@testable import WineBoxDomain

@Suite struct SlidingCountTests {
    private let start = ContinuousClock.now

    @Test func anEventCountsForAtLeastTheWindowAndAtMostOneBucketMore() {
        // A one-hour window in 20 buckets of 3 minutes.
        var count = SlidingCount(window: .seconds(3_600), bucketCount: 20, origin: start)
        count.record(at: start + .seconds(100))
        #expect(count.count(at: start + .seconds(100 + 3_599)) == 1)
        #expect(count.count(at: start + .seconds(3_779)) == 1)
        #expect(count.count(at: start + .seconds(3_780)) == 0)
    }

    @Test func eventsAddUpAcrossBuckets() {
        var count = SlidingCount(window: .seconds(60), bucketCount: 6, origin: start)
        for second in 0..<60 {
            count.record(at: start + .seconds(second))
        }
        #expect(count.count(at: start + .seconds(59)) == 60)
        #expect(count.count(at: start + .seconds(69)) == 60)
        #expect(count.count(at: start + .seconds(70)) == 50)
        #expect(count.count(at: start + .seconds(80)) == 40)
        #expect(count.count(at: start + .seconds(200)) == 0)
    }

    @Test func predictsWhenTheCountFallsBelowALimit() {
        var count = SlidingCount(window: .seconds(60), bucketCount: 6, origin: start)
        for second in stride(from: 0, to: 60, by: 10) {
            count.record(at: start + .seconds(second))
            count.record(at: start + .seconds(second))
        }
        let now = start + .seconds(60)
        #expect(count.instant(whenCountFallsBelow: 20, after: now) == now)
        #expect(count.instant(whenCountFallsBelow: 12, after: now) == start + .seconds(70))
        #expect(count.instant(whenCountFallsBelow: 9, after: now) == start + .seconds(80))
        #expect(count.instant(whenCountFallsBelow: 1, after: now) == start + .seconds(120))
    }

    @Test func aLongSilenceClearsOldBuckets() {
        var count = SlidingCount(window: .seconds(60), bucketCount: 6, origin: start)
        for second in 0..<60 {
            count.record(at: start + .seconds(second))
        }
        count.record(at: start + .seconds(1_000))
        #expect(count.count(at: start + .seconds(1_000)) == 1)
        #expect(count.expiresAt == start + .seconds(1_070))
    }
}
