import Synchronization

/// Enforces one ``RateLimitRule`` per key, for example `"auth:203.0.113.5"`; use one limiter per rule.
///
/// - Algorithm: a token bucket kept as one instant per key (the generic cell rate algorithm): a key may spend
///   ``RateLimitRule/limit`` requests at once and regains one every `window / limit`. Refused requests spend
///   nothing, so a client that keeps hammering is still served at the sustained rate. See ``RateLimitRule`` for the
///   exact bound.
/// - Time: the caller passes `now` on every call (`ContinuousClock.now` in production), which keeps tests exact.
///   Instants must come from one `ContinuousClock`; an instant earlier than one already seen is treated as if no
///   time had passed.
/// - Memory: at most `maxKeys` keys (default 100,000, roughly 100 bytes each plus the key). Keys whose bucket is
///   full again are dropped in amortised sweeps; when the table is full, the keys closest to a full bucket are
///   evicted first, so a flood of distinct keys cannot exhaust memory nor cheaply reset a key that is being limited.
///   Forgetting a key can only make the limiter more lenient towards that key, never stricter.
/// - Threading: safe to call from any thread or task; one short `Mutex`-protected critical section per call.
///   Sweeps run inside that section: O(keys), at most once per `maxKeys / 4` new keys when the table is full
///   (about 0.1 s for 100,000 keys), during which other callers of this limiter wait.
/// - Failure modes: none at run time; an invalid rule or `maxKeys < 1` traps at construction.
public final class RateLimiter: Sendable {
    /// The rule enforced.
    public let rule: RateLimitRule
    /// The most keys remembered at once.
    public let maxKeys: Int
    private let table: Mutex<BoundedTable<String, Bucket>>

    /// - Parameters:
    ///   - rule: the limit to enforce.
    ///   - maxKeys: the most keys remembered at once (default 100,000); at least 1.
    public init(rule: RateLimitRule, maxKeys: Int = 100_000) {
        self.rule = rule
        self.maxKeys = maxKeys
        table = Mutex(BoundedTable(capacity: maxKeys))
    }

    /// Counts one request for `key` at `now` if the rule allows it, and says whether it does.
    ///
    /// - Parameters:
    ///   - key: who is asking, usually the rule's purpose and the client address (`"api:203.0.113.5"`). Derive
    ///     the address from the connection, or from proxy headers only when the proxy is trusted; for IPv6 use the
    ///     /64 prefix, since one client can hold a whole /64.
    ///   - now: the current instant of `ContinuousClock`.
    /// - Returns: ``RateLimitDecision/allowed(remaining:)``, having spent one request, or
    ///   ``RateLimitDecision/limited(retryAfterSeconds:)``, having spent nothing.
    public func check(key: String, now: ContinuousClock.Instant) -> RateLimitDecision {
        let window = rule.window
        let interval = rule.refillInterval
        return table.withLock { table in
            // `due` is when the bucket will be full again; each request pushes it one interval later.
            let due = max(table[key]?.fullAt ?? now, now)
            let next = due + interval
            if next - now > window {
                let wait = next - window - now
                return .limited(retryAfterSeconds: max(1, wait.wholeSecondsRoundedUp))
            }
            table.set(Bucket(fullAt: next, limitedBeyond: window - interval), for: key, now: now)
            let unspent = now + window - next
            return .allowed(remaining: Int(unspent.attoseconds / interval.attoseconds))
        }
    }

    /// The number of keys currently remembered (expired ones included until the next sweep); for tests and metrics.
    public var trackedKeyCount: Int {
        table.withLock { $0.count }
    }

    /// One key's state: the instant at which its bucket is full again.
    private struct Bucket: BoundedTableEntry {
        var fullAt: ContinuousClock.Instant
        /// `window - interval`: while `fullAt` is further away than this, the next request is limited.
        var limitedBeyond: Duration

        func isExpired(at now: ContinuousClock.Instant) -> Bool {
            fullAt <= now
        }

        func retentionRank(at now: ContinuousClock.Instant) -> RetentionRank {
            RetentionRank(isLocked: fullAt - now > limitedBeyond, weight: 0, expiresAt: fullAt)
        }
    }
}
