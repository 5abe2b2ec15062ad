/// A value kept in a ``BoundedTable``: it knows when it no longer matters, and how costly it would be to forget it
/// early.
protocol BoundedTableEntry: Sendable {
    /// Whether the entry holds no state that still affects a decision at `now`, so dropping it changes nothing.
    func isExpired(at now: ContinuousClock.Instant) -> Bool

    /// How much forgetting the entry at `now` would weaken protection; when the table is full, the entries with
    /// the lowest rank are evicted first.
    func retentionRank(at now: ContinuousClock.Instant) -> RetentionRank
}

/// The eviction order of a ``BoundedTableEntry``, compared field by field: an entry that is not locked (or limited)
/// goes before one that is, then the one with fewer recorded events, then the one that stops mattering sooner.
///
/// Ordering locked entries last means a flood of fresh keys cannot cheaply push out a lock that an attacker has
/// earned.
struct RetentionRank: Comparable, Sendable {
    /// Whether the entry is refusing requests right now.
    var isLocked: Bool
    /// How many events (failures, requests) the entry holds.
    var weight: Int
    /// When the entry expires on its own.
    var expiresAt: ContinuousClock.Instant

    static func < (lhs: RetentionRank, rhs: RetentionRank) -> Bool {
        if lhs.isLocked != rhs.isLocked {
            return !lhs.isLocked
        }
        if lhs.weight != rhs.weight {
            return lhs.weight < rhs.weight
        }
        return lhs.expiresAt < rhs.expiresAt
    }
}
