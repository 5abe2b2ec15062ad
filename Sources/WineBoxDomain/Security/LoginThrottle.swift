import Synchronization

/// WineBox's account lockout for password sign-in (ASVS 5.0 6.1.1 and 6.3.1; ASVS 4.0.3 2.2.1).
///
/// **Policy** (the numbers are ``LoginThrottlePolicy/standard``; each is a parameter):
///
/// 1. *Per account and client address.* The 5th failed sign-in for one account from one client address within
///    15 minutes locks that account for that address for 15 minutes. While locked, every sign-in for the account
///    from that address is refused with HTTP 429 and `Retry-After`, even with the right password, and the password
///    is not checked. When the lock ends the pair starts afresh. Other addresses are not affected, so one attacker
///    cannot lock the owner out from everywhere.
/// 2. *Per account, all addresses.* When 100 failed sign-ins for one account have been recorded within an hour,
///    from any mix of addresses, the account is locked for every address for at least 15 minutes, and for as long
///    as 100 failures of the last hour remain. So no more than 100 failed attempts per hour per account reach the
///    password check, which stops distributed guessing. The hourly count is kept in 3-minute buckets and may count
///    a failure up to 3 minutes longer than an hour, never shorter.
/// 3. *Success.* A successful sign-in clears the failures of that account and address (rule 1). It leaves the
///    per-account count of rule 2 alone, so the owner signing in does not reset a distributed attack.
/// 4. *Unknown accounts.* Failures for email addresses that have no account are counted exactly like the others,
///    so the lockout does not reveal which accounts exist.
/// 5. *Denial of service.* Every lock ends on its own. Rule 1 locks out only the attacker's own address. Rule 2
///    can keep an account locked for as long as someone sustains 100 failures per hour, which takes at least
///    5 addresses (rule 1 lets each address fail 5 times per 15 minutes); the per-address rate limit on sign-in
///    comes first. ``unlock(account:)`` lifts all locks of an account at once.
/// 6. *Scope.* The state lives in the server's memory: a restart clears it, and several server processes do not
///    share it.
///
/// **Use**, for every password sign-in, after the per-address rate limit and before any password hashing:
/// 1. ``check(account:address:now:)``; when locked, answer 429 with `Retry-After` and stop (record nothing);
/// 2. verify the password (against a dummy hash for an unknown email, so timing does not tell either);
/// 3. ``recordFailure(account:address:now:)`` or ``recordSuccess(account:address:now:)``.
///
/// `account` is the normalised email (trimmed, lower-cased) whether or not an account has it; `address` is the
/// client address as trusted by the server (the peer address, or a proxy header only from a configured proxy).
///
/// - Time: the caller passes `now` (`ContinuousClock.now` in production), so tests control time exactly.
/// - Memory: at most `maxEntries` (account, address) pairs and `maxEntries` accounts (default 50,000 each, a few
///   hundred bytes per entry). Entries that no longer matter are dropped in amortised sweeps; when a table is full,
///   unlocked entries with the fewest failures are evicted first, so a flood of new addresses or emails cannot
///   exhaust memory or cheaply free a locked account.
/// - Threading: every method may be called from any thread or task; each takes one short `Mutex`-protected
///   critical section. `check` and `record…` are separate sections, so attempts already past `check` when a lock
///   starts are still answered and recorded; the rate limit bounds how many can be in flight. Sweeps run inside
///   the section of the `recordFailure` call that triggers them (O(entries), once per `maxEntries / 4` new entries
///   when a table is full).
/// - Failure modes: none at run time; an invalid policy or `maxEntries < 1` traps at construction.
public final class LoginThrottle: Sendable {
    /// The numbers enforced.
    public let policy: LoginThrottlePolicy
    /// The most (account, address) pairs, and separately the most accounts, remembered at once.
    public let maxEntries: Int
    private let state: Mutex<State>

    /// Resolution of the per-account count: the account window is cut into this many buckets.
    static let accountWindowBuckets = 20

    /// - Parameters:
    ///   - policy: the lockout numbers; default WineBox's policy.
    ///   - maxEntries: the most pairs and the most accounts remembered (default 50,000 each); at least 1.
    public init(policy: LoginThrottlePolicy = .standard, maxEntries: Int = 50_000) {
        self.policy = policy
        self.maxEntries = maxEntries
        state = Mutex(State(pairs: BoundedTable(capacity: maxEntries), accounts: BoundedTable(capacity: maxEntries)))
    }

    /// Whether a sign-in for `account` from `address` may have its password checked at `now`.
    ///
    /// - Returns: ``LoginThrottleDecision/locked(retryAfterSeconds:)`` when either the pair or the whole account is
    ///   locked (the later end wins), otherwise ``LoginThrottleDecision/allowed``. Changes nothing.
    public func check(account: String, address: String, now: ContinuousClock.Instant) -> LoginThrottleDecision {
        state.withLock { state in
            guard let end = state.lockEnd(account: account, address: address, now: now) else {
                return .allowed
            }
            return .locked(retryAfterSeconds: max(1, (end - now).wholeSecondsRoundedUp))
        }
    }

    /// Records a failed sign-in (wrong password, unknown email, disabled account) for `account` from `address`.
    ///
    /// A failure from a pair that is already locked (the caller should not have checked the password) still counts
    /// for the account but neither counts for nor extends the pair's lock.
    ///
    /// - Returns: true when this failure locked the pair or the account, which was not locked before; worth a
    ///   warning in the log.
    @discardableResult
    public func recordFailure(account: String, address: String, now: ContinuousClock.Instant) -> Bool {
        let policy = policy
        return state.withLock { state in
            let wasLocked = state.lockEnd(account: account, address: address, now: now) != nil
            let key = PairKey(account: account, address: address)
            var pair = state.pairs[key] ?? PairRecord(now: now)
            pair.recordFailure(at: now, policy: policy)
            state.pairs.set(pair, for: key, now: now)

            var record =
                state.accounts[account] ?? AccountRecord(now: now, policy: policy, buckets: Self.accountWindowBuckets)
            record.recordFailure(at: now, lockout: policy.accountLockout)
            state.accounts.set(record, for: account, now: now)

            let isLocked = state.lockEnd(account: account, address: address, now: now) != nil
            return isLocked && !wasLocked
        }
    }

    /// Records a successful sign-in: the failures of `account` from `address` are forgotten.
    ///
    /// A lock still running on the pair (the caller should not have checked the password) stays until it ends, and
    /// the per-account count is kept (see rule 3 of the policy).
    public func recordSuccess(account: String, address: String, now: ContinuousClock.Instant) {
        state.withLock { state in
            let key = PairKey(account: account, address: address)
            guard var pair = state.pairs[key] else {
                return
            }
            if pair.isLocked(at: now) {
                pair.clearFailures()
                state.pairs.set(pair, for: key, now: now)
            } else {
                state.pairs.remove(key)
            }
        }
    }

    /// Lifts every lock on `account` and forgets its failures, from all addresses; for an administrator's unlock
    /// command. O(number of remembered pairs).
    public func unlock(account: String) {
        state.withLock { state in
            state.accounts.remove(account)
            state.pairs.removeAll { $0.account == account }
        }
    }

    /// The number of (account, address) pairs remembered; for tests and metrics.
    public var trackedPairCount: Int {
        state.withLock { $0.pairs.count }
    }

    /// The number of accounts remembered; for tests and metrics.
    public var trackedAccountCount: Int {
        state.withLock { $0.accounts.count }
    }

    /// Everything the throttle remembers, behind its `Mutex`.
    private struct State: Sendable {
        var pairs: BoundedTable<PairKey, PairRecord>
        var accounts: BoundedTable<String, AccountRecord>

        /// When the lock on the pair or the account ends, whichever is later; nil when neither is locked at `now`.
        func lockEnd(account: String, address: String, now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
            let pairEnd = pairs[PairKey(account: account, address: address)]?.lockEnd(at: now)
            let accountEnd = accounts[account]?.lockEnd(at: now)
            switch (pairEnd, accountEnd) {
            case (let pair?, let account?): return max(pair, account)
            case (let pair?, nil): return pair
            case (nil, let account?): return account
            case (nil, nil): return nil
            }
        }
    }
}
