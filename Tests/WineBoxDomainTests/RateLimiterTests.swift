import Testing
import WineBoxDomain

@Suite struct RateLimiterTests {
    private let start = ContinuousClock.now
    private let fivePerMinute = RateLimitRule(name: "test", limit: 5, window: .seconds(60))

    @Test func allowsExactlyTheLimitAtOnceThenRefusesWithRetryAfter() {
        let limiter = RateLimiter(rule: fivePerMinute)
        let decisions = (0..<6).map { _ in limiter.check(key: "api:203.0.113.5", now: start) }
        #expect(
            decisions == [
                .allowed(remaining: 4), .allowed(remaining: 3), .allowed(remaining: 2), .allowed(remaining: 1),
                .allowed(remaining: 0), .limited(retryAfterSeconds: 12),
            ])
    }

    @Test func waitingTheRetryAfterIsEnough() {
        let limiter = RateLimiter(rule: fivePerMinute)
        for _ in 0..<5 {
            _ = limiter.check(key: "k", now: start)
        }
        #expect(limiter.check(key: "k", now: start + .seconds(11)) == .limited(retryAfterSeconds: 1))
        #expect(limiter.check(key: "k", now: start + .seconds(12)) == .allowed(remaining: 0))
        #expect(limiter.check(key: "k", now: start + .seconds(12)) == .limited(retryAfterSeconds: 12))
    }

    @Test func retryAfterIsRoundedUpToWholeSecondsAndIsAtLeastOne() {
        // 7 per minute: one request comes back every 8.57 s.
        let limiter = RateLimiter(rule: RateLimitRule(name: "odd", limit: 7, window: .seconds(60)))
        for _ in 0..<7 {
            #expect(limiter.check(key: "k", now: start).isAllowed)
        }
        #expect(limiter.check(key: "k", now: start) == .limited(retryAfterSeconds: 9))
        #expect(limiter.check(key: "k", now: start + .milliseconds(8_500)) == .limited(retryAfterSeconds: 1))
        #expect(limiter.check(key: "k", now: start + .milliseconds(8_572)) == .allowed(remaining: 0))
    }

    @Test func recoversTheFullLimitAfterAWindowOfSilence() {
        let limiter = RateLimiter(rule: fivePerMinute)
        for _ in 0..<6 {
            _ = limiter.check(key: "k", now: start)
        }
        #expect(limiter.check(key: "k", now: start + .seconds(60)) == .allowed(remaining: 4))
    }

    @Test func refusedRequestsSpendNothing() {
        let limiter = RateLimiter(rule: fivePerMinute)
        for _ in 0..<5 {
            _ = limiter.check(key: "k", now: start)
        }
        for tenth in 0..<110 {
            #expect(!limiter.check(key: "k", now: start + .milliseconds(tenth * 100)).isAllowed)
        }
        #expect(limiter.check(key: "k", now: start + .seconds(12)).isAllowed)
    }

    @Test func keysAreIndependent() {
        let limiter = RateLimiter(rule: fivePerMinute)
        for _ in 0..<5 {
            _ = limiter.check(key: "auth:198.51.100.7", now: start)
        }
        #expect(!limiter.check(key: "auth:198.51.100.7", now: start).isAllowed)
        #expect(limiter.check(key: "auth:198.51.100.8", now: start) == .allowed(remaining: 4))
    }

    @Test func aFloodOfDistinctKeysStaysUnderTheCapAndKeepsLimitedKeys() {
        let limiter = RateLimiter(rule: fivePerMinute)
        for _ in 0..<5 {
            _ = limiter.check(key: "attacker", now: start)
        }
        var largest = 0
        for index in 0..<200_000 {
            _ = limiter.check(key: "flood:\(index)", now: start + .milliseconds(index / 100))
            if index % 1_000 == 0 {
                largest = max(largest, limiter.trackedKeyCount)
            }
        }
        #expect(limiter.maxKeys == 100_000)
        #expect(max(largest, limiter.trackedKeyCount) <= 100_000)
        #expect(!limiter.check(key: "attacker", now: start + .seconds(2)).isAllowed)
    }

    @Test func keysWithAFullBucketAgainAreForgotten() {
        let limiter = RateLimiter(rule: fivePerMinute)
        for index in 0..<5_000 {
            _ = limiter.check(key: "early:\(index)", now: start)
        }
        for index in 0..<5_000 {
            _ = limiter.check(key: "late:\(index)", now: start + .seconds(60))
        }
        #expect(limiter.trackedKeyCount < 10_000)
    }

    @Test func concurrentChecksNeverAllowMoreThanTheLimit() async {
        let limiter = RateLimiter(rule: RateLimitRule(name: "burst", limit: 50, window: .seconds(60)))
        let now = start
        let allowed = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    (0..<20).count { _ in limiter.check(key: "shared", now: now).isAllowed }
                }
            }
            return await group.reduce(0, +)
        }
        #expect(allowed == 50)
    }

    @Test func presetRulesHaveTheDocumentedNumbers() {
        let rules: [RateLimitRule] = [.api, .authentication, .passwordReset, .registration, .staticFiles]
        #expect(rules.map(\.limit) == [60, 30, 5, 10, 600])
        #expect(rules.allSatisfy { $0.window == .seconds(60) })
        #expect(RateLimitRule.authentication.description == "auth: 30 per 60 s")
    }
}
