/// A dictionary with a hard size limit, for per-key security state (rate limits, sign-in failures) that an attacker
/// can make grow by sending requests with many distinct keys.
///
/// Memory is bounded by ``capacity`` entries. Maintenance is amortised O(1) per write (O(log capacity) under a
/// flood that forces evictions):
/// - a write after which the table holds more than ``capacity`` entries drops the expired ones and, if that is not
///   enough, evicts the entries with the lowest ``RetentionRank`` until three quarters of ``capacity`` remain, so
///   the next such sweep is at least a quarter of ``capacity`` writes away;
/// - otherwise, once the writes since the last sweep reach the size the table had after it (and at least
///   ``minimumSweepInterval``), the expired entries are dropped.
///
/// A sweep costs O(n) (O(n log n) when it evicts) and runs inside the owner's lock, so it delays other callers:
/// an evicting sweep of 100,000 entries took about 0.1 s in an optimised build on a busy 2-core machine.
///
/// Not thread-safe by itself: a value type meant to live inside the owner's `Mutex`.
struct BoundedTable<Key: Hashable & Sendable, Entry: BoundedTableEntry>: Sendable {
    /// Writes between two sweeps of expired entries, at least; keeps small tables from sweeping on every write.
    static var minimumSweepInterval: Int { 1_024 }

    /// The most entries the table holds after any write.
    let capacity: Int
    private let lowWaterMark: Int
    private var entries: [Key: Entry] = [:]
    private var writesSinceSweep = 0
    private var countAfterSweep = 0

    /// - Parameter capacity: the entry limit; at least 1 (a smaller value traps, as a programming error).
    init(capacity: Int) {
        precondition(capacity >= 1, "A bounded table needs room for at least one entry")
        self.capacity = capacity
        lowWaterMark = capacity - max(1, capacity / 4)
    }

    /// The number of entries held, expired ones included until the next sweep.
    var count: Int { entries.count }

    /// The entry for `key`, if any (possibly expired: callers judge expiry by their own clock).
    subscript(key: Key) -> Entry? {
        entries[key]
    }

    /// Stores `entry` under `key`, then sweeps if the table has grown too large or a sweep is due.
    mutating func set(_ entry: Entry, for key: Key, now: ContinuousClock.Instant) {
        entries[key] = entry
        writesSinceSweep += 1
        if entries.count > capacity {
            sweep(now: now, evictingDownTo: lowWaterMark)
        } else if writesSinceSweep >= max(Self.minimumSweepInterval, countAfterSweep) {
            sweep(now: now, evictingDownTo: nil)
        }
    }

    /// Removes the entry for `key`, if any.
    mutating func remove(_ key: Key) {
        entries.removeValue(forKey: key)
    }

    /// Removes every entry whose key matches `predicate`. O(count).
    mutating func removeAll(where predicate: (Key) -> Bool) {
        entries = entries.filter { !predicate($0.key) }
    }

    /// Drops expired entries, then, when `target` is given and still exceeded, the lowest-ranked ones.
    ///
    /// The survivors go into a new dictionary rather than having the victims removed one by one: removing many
    /// entries in storage order leaves Swift's linearly probed table badly clustered (inserts then took milliseconds
    /// each in a flood test); a rebuilt table gets a fresh layout and shrinks to fit.
    private mutating func sweep(now: ContinuousClock.Instant, evictingDownTo target: Int?) {
        defer {
            writesSinceSweep = 0
            countAfterSweep = entries.count
        }
        let expiredCount = entries.values.count { $0.isExpired(at: now) }
        let excess = target.map { max(0, entries.count - expiredCount - $0) } ?? 0
        guard expiredCount > 0 || excess > 0 else {
            return
        }
        guard excess > 0 else {
            entries = entries.filter { !$0.value.isExpired(at: now) }
            return
        }
        // Sort the ranks alone (plain values, cheap to move) to find the last victim's rank, then keep the entries
        // ranked above it and those ranked equal to it that are not needed as victims.
        let ranks = entries.values.compactMap { $0.isExpired(at: now) ? nil : $0.retentionRank(at: now) }.sorted()
        let threshold = ranks[excess - 1]
        var equalToEvict = excess - ranks.prefix { $0 < threshold }.count
        entries = entries.filter { _, entry in
            if entry.isExpired(at: now) {
                return false
            }
            let rank = entry.retentionRank(at: now)
            if rank < threshold {
                return false
            }
            if rank == threshold && equalToEvict > 0 {
                equalToEvict -= 1
                return false
            }
            return true
        }
    }
}
