/// "`limit` requests per `window`", under a name used in logs and metrics (`"auth"`, `"api"`).
///
/// A ``RateLimiter`` enforces the rule as a token bucket: a key may spend `limit` requests at once, and regains
/// one request every `window / limit` (so it is back to `limit` after a full `window` of silence). Over a long run
/// a key gets at most `limit` requests per `window`; any span of length `t` lets through at most
/// `limit + limit × t / window` requests.
///
/// Rules are configuration: an invalid one (a limit under 1, a window too short to divide by the limit) traps at
/// start-up as a programming error; validate numbers read from a configuration file before building a rule.
public struct RateLimitRule: Sendable, Hashable, CustomStringConvertible {
    /// A short name for logs (`"auth"`).
    public let name: String
    /// Requests allowed per window, and the largest burst; at least 1.
    public let limit: Int
    /// The window the limit refers to; positive.
    public let window: Duration

    /// - Parameters:
    ///   - name: a short name for logs.
    ///   - limit: requests per window, at least 1.
    ///   - window: the window, long enough that `window / limit` is positive.
    public init(name: String, limit: Int, window: Duration) {
        precondition(limit >= 1, "Rate limit rule \(name): the limit must be at least 1")
        precondition(window / limit > .zero, "Rate limit rule \(name): the window must be positive")
        self.name = name
        self.limit = limit
        self.window = window
    }

    /// The time it takes to regain one request: `window / limit`.
    var refillInterval: Duration { window / limit }

    /// `"auth: 30 per 60 s"`.
    public var description: String { "\(name): \(limit) per \(window.wholeSecondsRoundedUp) s" }
}

extension RateLimitRule {
    /// General API calls: 60 per minute per client.
    public static let api = RateLimitRule(name: "api", limit: 60, window: .seconds(60))
    /// Sign-in attempts: 30 per minute per client (the per-account lockout is ``LoginThrottle``'s job).
    public static let authentication = RateLimitRule(name: "auth", limit: 30, window: .seconds(60))
    /// Forgot, reset and change password: 5 per minute per client.
    public static let passwordReset = RateLimitRule(name: "password-reset", limit: 5, window: .seconds(60))
    /// Registration: 10 per minute per client.
    public static let registration = RateLimitRule(name: "registration", limit: 10, window: .seconds(60))
    /// Static files of the web interface: 600 per minute per client.
    public static let staticFiles = RateLimitRule(name: "static", limit: 600, window: .seconds(60))
    /// Label images and thumbnails (`/api/images/…`): 600 per minute per client, like static files, so a cellar
    /// page showing many thumbnails never uses up the API limit.
    public static let images = RateLimitRule(name: "images", limit: 600, window: .seconds(60))
}
