/// What a ``RateLimiter`` says about one request.
public enum RateLimitDecision: Sendable, Hashable {
    /// Go ahead; `remaining` more requests would be allowed right now (0 means the next one, at this instant,
    /// would be limited).
    case allowed(remaining: Int)
    /// Refuse (HTTP 429); a retry after `retryAfterSeconds` seconds (whole seconds, rounded up, at least 1) will
    /// be allowed if nothing else is spent in between. This is the `Retry-After` value.
    case limited(retryAfterSeconds: Int)

    /// Whether the request may go ahead.
    public var isAllowed: Bool {
        if case .allowed = self {
            return true
        }
        return false
    }
}
