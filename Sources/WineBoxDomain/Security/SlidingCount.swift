/// Counts events (sign-in failures) over a sliding window in a fixed amount of memory.
///
/// The window is cut into `bucketCount` buckets of `window / bucketCount`; one more bucket is kept so that the
/// count never misses an event: an event is counted for at least `window` and at most `window + window /
/// bucketCount` after it happened (to the nanosecond). Errors therefore only ever make the count higher, which
/// for a lockout means stricter, never laxer.
///
/// Memory: `bucketCount + 1` 32-bit counters (saturating) plus a few instants. Arithmetic is in whole nanoseconds;
/// windows up to about 290 years work. Not thread-safe by itself: a value type for its owner's `Mutex`.
struct SlidingCount: Sendable {
    /// When bucket 0 starts: the instant of the first event.
    private let origin: ContinuousClock.Instant
    private let bucketNanoseconds: Int64
    private var counters: [Int32]
    /// The absolute number of the bucket that holds the latest event.
    private var newest: Int64 = 0
    /// The instant after which nothing recorded so far is counted any more.
    private(set) var expiresAt: ContinuousClock.Instant

    /// An empty count whose buckets start at `origin`.
    ///
    /// - Parameters:
    ///   - window: how long an event counts; at least `bucketCount` nanoseconds.
    ///   - bucketCount: the resolution (at least 1); each bucket costs 4 bytes.
    ///   - origin: the start of the first bucket, usually the first event's instant.
    init(window: Duration, bucketCount: Int, origin: ContinuousClock.Instant) {
        let nanoseconds = window.attoseconds / 1_000_000_000 / Int128(max(1, bucketCount))
        precondition(bucketCount >= 1 && nanoseconds >= 1, "A sliding count needs buckets of at least 1 ns")
        self.origin = origin
        bucketNanoseconds = Int64(clamping: nanoseconds)
        counters = Array(repeating: 0, count: bucketCount + 1)
        expiresAt = origin
    }

    /// Counts one event at `now`.
    mutating func record(at now: ContinuousClock.Instant) {
        let current = max(bucket(of: now), newest)
        if current - newest >= Int64(counters.count) {
            for slot in counters.indices {
                counters[slot] = 0
            }
        } else if current > newest {
            for index in (newest + 1)...current {
                counters[slot(of: index)] = 0
            }
        }
        newest = current
        expiresAt = end(ofWindowStartingIn: current)
        let slot = slot(of: current)
        counters[slot] = counters[slot] == Int32.max ? Int32.max : counters[slot] + 1
    }

    /// The number of events still counted at `now`.
    func count(at now: ContinuousClock.Instant) -> Int {
        guard now < expiresAt else {
            return 0
        }
        return liveBuckets(at: now).reduce(0) { $0 + Int(counters[slot(of: $1)]) }
    }

    /// The first instant, at `now` or later, at which fewer than `limit` events are counted, if nothing new is
    /// recorded meanwhile.
    func instant(whenCountFallsBelow limit: Int, after now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        var remaining = count(at: now)
        guard remaining >= limit else {
            return now
        }
        for index in liveBuckets(at: now) {
            remaining -= Int(counters[slot(of: index)])
            if remaining < limit {
                return end(ofWindowStartingIn: index)
            }
        }
        return expiresAt
    }

    /// The absolute numbers of the buckets counted at `now`, oldest first.
    private func liveBuckets(at now: ContinuousClock.Instant) -> Range<Int64> {
        let current = max(bucket(of: now), newest)
        let oldest = min(max(0, current - Int64(counters.count - 1)), newest + 1)
        return oldest..<(newest + 1)
    }

    /// When events of bucket `index` stop being counted.
    private func end(ofWindowStartingIn index: Int64) -> ContinuousClock.Instant {
        origin + .nanoseconds(bucketNanoseconds * (index + Int64(counters.count)))
    }

    /// The absolute bucket number of `instant`; instants before `origin` fall in bucket 0.
    private func bucket(of instant: ContinuousClock.Instant) -> Int64 {
        guard instant > origin else {
            return 0
        }
        let (seconds, attoseconds) = (instant - origin).components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else {
            return Int64.max / 2
        }
        return (scaled + attoseconds / 1_000_000_000) / bucketNanoseconds
    }

    private func slot(of index: Int64) -> Int {
        Int(index % Int64(counters.count))
    }
}
