/// What a ``LoginThrottle`` says about a sign-in attempt, before the password is checked.
public enum LoginThrottleDecision: Sendable, Hashable {
    /// Check the password.
    case allowed
    /// Refuse without checking the password (HTTP 429), whatever password was sent; the lock ends after
    /// `retryAfterSeconds` seconds (whole seconds, rounded up, at least 1), the `Retry-After` value.
    case locked(retryAfterSeconds: Int)
}
