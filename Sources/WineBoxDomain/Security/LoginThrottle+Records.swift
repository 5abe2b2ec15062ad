extension LoginThrottle {
    /// An (account, client address) pair, the unit of rule 1 of the policy.
    struct PairKey: Hashable, Sendable {
        let account: String
        let address: String
    }

    /// Recent failures and the lock of one (account, address) pair.
    struct PairRecord: BoundedTableEntry {
        /// Instants of the latest failures, oldest first; never more than the policy's address failure limit.
        private(set) var failures: [ContinuousClock.Instant] = []
        private(set) var lockedUntil: ContinuousClock.Instant?
        /// After this instant the record affects nothing.
        private var expiresAt: ContinuousClock.Instant

        init(now: ContinuousClock.Instant) {
            expiresAt = now
        }

        func isLocked(at now: ContinuousClock.Instant) -> Bool {
            lockEnd(at: now) != nil
        }

        /// The end of the running lock, or nil when the pair is not locked at `now`.
        func lockEnd(at now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
            guard let lockedUntil, lockedUntil > now else {
                return nil
            }
            return lockedUntil
        }

        /// Counts a failure at `now`; the one that reaches the limit within the window locks the pair and clears
        /// the count. Ignored while locked.
        mutating func recordFailure(at now: ContinuousClock.Instant, policy: LoginThrottlePolicy) {
            guard !isLocked(at: now) else {
                return
            }
            failures.removeAll { $0 + policy.addressWindow <= now }
            failures.append(now)
            expiresAt = max(expiresAt, now + policy.addressWindow)
            if failures.count >= policy.addressFailureLimit {
                let end = now + policy.addressLockout
                lockedUntil = end
                failures.removeAll()
                expiresAt = max(expiresAt, end)
            }
        }

        mutating func clearFailures() {
            failures.removeAll()
        }

        func isExpired(at now: ContinuousClock.Instant) -> Bool {
            expiresAt <= now
        }

        func retentionRank(at now: ContinuousClock.Instant) -> RetentionRank {
            RetentionRank(isLocked: isLocked(at: now), weight: failures.count, expiresAt: expiresAt)
        }
    }

    /// The failures of the last window and the lock of one account, over all addresses.
    struct AccountRecord: BoundedTableEntry {
        private var failures: SlidingCount
        /// The policy's account failure limit.
        private let limit: Int
        /// The end of the minimum lock, set by a failure that reached the limit while no minimum lock ran.
        private var lockedUntil: ContinuousClock.Instant?

        init(now: ContinuousClock.Instant, policy: LoginThrottlePolicy, buckets: Int) {
            failures = SlidingCount(window: policy.accountWindow, bucketCount: buckets, origin: now)
            limit = policy.accountFailureLimit
        }

        /// The end of the running lock: the later of the minimum lock's end and the moment the count falls below
        /// the limit; nil when the account is not locked at `now`.
        func lockEnd(at now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
            guard let lockedUntil else {
                return nil
            }
            let end = max(lockedUntil, failures.instant(whenCountFallsBelow: limit, after: now))
            return end > now ? end : nil
        }

        /// Counts a failure at `now`; when the count reaches the limit and no minimum lock runs, one starts.
        mutating func recordFailure(at now: ContinuousClock.Instant, lockout: Duration) {
            failures.record(at: now)
            let minimumLockRuns = lockedUntil.map { $0 > now } ?? false
            if failures.count(at: now) >= limit && !minimumLockRuns {
                lockedUntil = now + lockout
            }
        }

        func isExpired(at now: ContinuousClock.Instant) -> Bool {
            failures.expiresAt <= now && (lockedUntil ?? now) <= now
        }

        func retentionRank(at now: ContinuousClock.Instant) -> RetentionRank {
            RetentionRank(
                isLocked: lockEnd(at: now) != nil, weight: failures.count(at: now),
                expiresAt: max(failures.expiresAt, lockedUntil ?? now))
        }
    }
}
