/// The numbers of the sign-in lockout enforced by ``LoginThrottle``. The defaults are WineBox's policy.
///
/// A "limit" here is the failure that locks: with `addressFailureLimit` 5, the 5th failure within
/// `addressWindow` locks, so at most 5 failed attempts per window reach the password check.
///
/// Invalid numbers (a limit under 1, a duration that is not positive) trap at construction as a programming error;
/// validate values read from a configuration file first.
public struct LoginThrottlePolicy: Sendable, Hashable {
    /// Failures of one account from one client address that lock that pair; default 5.
    public let addressFailureLimit: Int
    /// How long a failure counts towards ``addressFailureLimit``; default 15 minutes.
    public let addressWindow: Duration
    /// How long a locked (account, address) pair stays locked; default 15 minutes.
    public let addressLockout: Duration
    /// Failures of one account from all addresses together that lock the account everywhere; default 100.
    public let accountFailureLimit: Int
    /// How long a failure counts towards ``accountFailureLimit``; default 1 hour.
    public let accountWindow: Duration
    /// The shortest time a locked account stays locked; default 15 minutes (longer while the count in
    /// ``accountWindow`` stays at or above ``accountFailureLimit``).
    public let accountLockout: Duration

    /// The policy with the given numbers; every parameter defaults to WineBox's policy.
    public init(
        addressFailureLimit: Int = 5,
        addressWindow: Duration = .seconds(15 * 60),
        addressLockout: Duration = .seconds(15 * 60),
        accountFailureLimit: Int = 100,
        accountWindow: Duration = .seconds(60 * 60),
        accountLockout: Duration = .seconds(15 * 60)
    ) {
        precondition(addressFailureLimit >= 1 && accountFailureLimit >= 1, "Failure limits must be at least 1")
        precondition(
            [addressWindow, addressLockout, accountWindow, accountLockout].allSatisfy { $0 > .zero },
            "Lockout windows and durations must be positive")
        self.addressFailureLimit = addressFailureLimit
        self.addressWindow = addressWindow
        self.addressLockout = addressLockout
        self.accountFailureLimit = accountFailureLimit
        self.accountWindow = accountWindow
        self.accountLockout = accountLockout
    }

    /// WineBox's policy: 5 failures per address in 15 minutes lock that address out of the account for 15 minutes;
    /// 100 failures per account in an hour lock the account everywhere for at least 15 minutes.
    public static let standard = LoginThrottlePolicy()
}
