import Testing
import WineBoxDomain

@Suite struct LoginThrottleTests {
    private let start = ContinuousClock.now
    private let owner = "owner@example.com"
    private let attacker = "203.0.113.66"

    /// Records `count` failures for `account` from `address`, one second apart from `from`; returns what each said.
    private func fail(
        _ throttle: LoginThrottle, _ count: Int, account: String, address: String, from: ContinuousClock.Instant
    ) -> [Bool] {
        (0..<count).map { throttle.recordFailure(account: account, address: address, now: from + .seconds($0)) }
    }

    @Test func fiveFailuresFromOneAddressLockThatPairWhateverThePassword() {
        let throttle = LoginThrottle()
        let causedLock = fail(throttle, 5, account: owner, address: attacker, from: start)
        #expect(causedLock == [false, false, false, false, true])
        // The caller checks before verifying the password, so even the right password is refused now.
        #expect(
            throttle.check(account: owner, address: attacker, now: start + .seconds(4))
                == .locked(retryAfterSeconds: 900))
    }

    @Test func fourFailuresDoNotLock() {
        let throttle = LoginThrottle()
        _ = fail(throttle, 4, account: owner, address: attacker, from: start)
        #expect(throttle.check(account: owner, address: attacker, now: start + .seconds(4)) == .allowed)
    }

    @Test func anotherAddressCanStillSignInToALockedPairsAccount() {
        let throttle = LoginThrottle()
        _ = fail(throttle, 5, account: owner, address: attacker, from: start)
        #expect(throttle.check(account: owner, address: "198.51.100.20", now: start + .seconds(5)) == .allowed)
        #expect(throttle.check(account: "guest@example.com", address: attacker, now: start + .seconds(5)) == .allowed)
    }

    @Test func thePairLockEndsAfterFifteenMinutesAndTheCountStartsAfresh() {
        let throttle = LoginThrottle()
        _ = fail(throttle, 5, account: owner, address: attacker, from: start)
        let lockedAt = start + .seconds(4)
        let end = lockedAt + .seconds(15 * 60)
        #expect(
            throttle.check(account: owner, address: attacker, now: end - .milliseconds(1))
                == .locked(retryAfterSeconds: 1))
        #expect(throttle.check(account: owner, address: attacker, now: end) == .allowed)
        #expect(fail(throttle, 4, account: owner, address: attacker, from: end) == [false, false, false, false])
        #expect(throttle.check(account: owner, address: attacker, now: end + .seconds(4)) == .allowed)
    }

    @Test func failuresOlderThanFifteenMinutesDoNotCount() {
        let throttle = LoginThrottle()
        _ = fail(throttle, 4, account: owner, address: attacker, from: start)
        #expect(!throttle.recordFailure(account: owner, address: attacker, now: start + .seconds(3 + 15 * 60)))
        #expect(throttle.check(account: owner, address: attacker, now: start + .seconds(3 + 15 * 60)) == .allowed)
    }

    @Test func aSuccessfulSignInClearsThePairsFailures() {
        let throttle = LoginThrottle()
        _ = fail(throttle, 4, account: owner, address: attacker, from: start)
        throttle.recordSuccess(account: owner, address: attacker, now: start + .seconds(10))
        #expect(fail(throttle, 4, account: owner, address: attacker, from: start + .seconds(11)).allSatisfy { !$0 })
        #expect(throttle.check(account: owner, address: attacker, now: start + .seconds(20)) == .allowed)
    }

    @Test func hundredFailuresFromHundredAddressesWithinAnHourLockTheAccountEverywhere() {
        let throttle = LoginThrottle()
        var causedLock: [Bool] = []
        for index in 0..<101 {
            let now = start + .seconds(30 * index)
            causedLock.append(
                throttle.recordFailure(account: owner, address: "10.0.\(index / 256).\(index % 256)", now: now))
            if index == 98 {
                #expect(throttle.check(account: owner, address: "192.0.2.1", now: now) == .allowed)
            }
        }
        #expect(causedLock.firstIndex(of: true) == 99)
        #expect(causedLock.filter { $0 }.count == 1)
        // Locked by the 100th failure (at 49:30) for 15 minutes; checked 30 s later from an address never seen.
        #expect(
            throttle.check(account: owner, address: "192.0.2.1", now: start + .seconds(30 * 100))
                == .locked(retryAfterSeconds: 15 * 60 - 30))
        #expect(throttle.check(account: "other@example.com", address: "192.0.2.1", now: start) == .allowed)
    }

    @Test func theAccountLockLastsAtLeastFifteenMinutes() {
        let throttle = LoginThrottle()
        // 100 failures spread over 59.4 minutes: the last one locks; the oldest leave the hour soon after.
        for index in 0..<100 {
            throttle.recordFailure(account: owner, address: "10.1.0.\(index)", now: start + .seconds(36 * index))
        }
        let lockedAt = start + .seconds(36 * 99)
        let end = lockedAt + .seconds(15 * 60)
        #expect(
            throttle.check(account: owner, address: "192.0.2.1", now: end - .seconds(1))
                == .locked(retryAfterSeconds: 1))
        #expect(throttle.check(account: owner, address: "192.0.2.1", now: end) == .allowed)
    }

    @Test func theAccountStaysLockedWhileAHundredFailuresRemainWithinTheHour() {
        let throttle = LoginThrottle()
        for index in 0..<100 {
            throttle.recordFailure(account: owner, address: "10.2.0.\(index)", now: start)
        }
        let afterLockout = throttle.check(account: owner, address: "192.0.2.1", now: start + .seconds(15 * 60))
        guard case .locked(let retryAfter) = afterLockout else {
            Issue.record("expected the account to be locked, got \(afterLockout)")
            return
        }
        // The failures count for an hour, plus at most one 3-minute bucket.
        #expect((45 * 60)...(48 * 60) ~= retryAfter)
        #expect(throttle.check(account: owner, address: "192.0.2.1", now: start + .seconds(63 * 60)) == .allowed)
    }

    @Test func aSuccessDoesNotResetTheAccountWideCount() {
        let throttle = LoginThrottle()
        for index in 0..<99 {
            throttle.recordFailure(account: owner, address: "10.3.0.\(index)", now: start + .seconds(index))
        }
        throttle.recordSuccess(account: owner, address: "192.0.2.1", now: start + .seconds(100))
        #expect(throttle.recordFailure(account: owner, address: "10.3.1.0", now: start + .seconds(101)))
        #expect(throttle.check(account: owner, address: "192.0.2.1", now: start + .seconds(102)) != .allowed)
    }

    @Test func unknownAccountsAreThrottledExactlyLikeKnownOnes() {
        func decisions(for account: String) -> [LoginThrottleDecision] {
            let throttle = LoginThrottle()
            var seen: [LoginThrottleDecision] = []
            for step in 0..<120 {
                let now = start + .seconds(20 * step)
                let address = "10.4.0.\(step % 30)"
                seen.append(throttle.check(account: account, address: address, now: now))
                throttle.recordFailure(account: account, address: address, now: now)
            }
            return seen
        }
        let known = decisions(for: owner)
        #expect(known.contains { $0 != .allowed })
        #expect(decisions(for: "nobody-has-this@example.com") == known)
    }

    @Test func unlockLiftsEveryLockOfTheAccount() {
        let throttle = LoginThrottle()
        _ = fail(throttle, 5, account: owner, address: attacker, from: start)
        for index in 0..<100 {
            throttle.recordFailure(account: owner, address: "10.5.0.\(index)", now: start + .seconds(10))
        }
        throttle.unlock(account: owner)
        #expect(throttle.check(account: owner, address: attacker, now: start + .seconds(11)) == .allowed)
        #expect(throttle.check(account: owner, address: "192.0.2.1", now: start + .seconds(11)) == .allowed)
    }

    @Test func customNumbersAreHonoured() {
        let policy = LoginThrottlePolicy(addressFailureLimit: 3, addressLockout: .seconds(60))
        let throttle = LoginThrottle(policy: policy)
        #expect(fail(throttle, 3, account: owner, address: attacker, from: start) == [false, false, true])
        #expect(
            throttle.check(account: owner, address: attacker, now: start + .seconds(2))
                == .locked(retryAfterSeconds: 60))
    }

    @Test func aFloodOfAccountsAndAddressesStaysUnderTheCapAndKeepsLocks() {
        let throttle = LoginThrottle(maxEntries: 10_000)
        _ = fail(throttle, 5, account: owner, address: attacker, from: start)
        for index in 0..<60_000 {
            throttle.recordFailure(
                account: "user\(index)@example.com", address: "flood-\(index)", now: start + .milliseconds(index / 100))
        }
        #expect(throttle.trackedPairCount <= 10_000)
        #expect(throttle.trackedAccountCount <= 10_000)
        #expect(throttle.check(account: owner, address: attacker, now: start + .seconds(10)) != .allowed)
    }

    @Test func concurrentFailuresLockThePairExactlyOnce() async {
        let throttle = LoginThrottle()
        let now = start
        let account = owner
        let address = attacker
        let locks = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<40 {
                group.addTask { throttle.recordFailure(account: account, address: address, now: now) }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(locks == 1)
        #expect(throttle.check(account: owner, address: attacker, now: start) == .locked(retryAfterSeconds: 900))
    }
}
