import WineBoxDomain
import WineBoxHTTP
import WineBoxWeb

/// Per-client rate limits, checked before routing (and so before any password hashing).
///
/// Every request counts against one bucket by path: `/api/images/…` against the image limit (600/min), the rest of
/// `/api/…` against the API limit (default 60/min), anything else (the web interface's files, `/health`) against
/// the looser static limit (600/min). Sign-in endpoints also
/// count against the auth limit (default 30/min), the password-reset, invitation and verification mail endpoints
/// against a 5/min limit, and registration against 10/min. Over a limit the answer is 429 with `Retry-After` and a JSON
/// body. Keys are the client address decided by ``ClientAddressMiddleware``.
struct RateLimitMiddleware: Middleware {
    struct Limits: Sendable {
        let api: RateLimiter
        let authentication: RateLimiter
        let passwordReset: RateLimiter
        let registration: RateLimiter
        let staticFiles: RateLimiter
        let images: RateLimiter

        init(apiPerMinute: Int, authPerMinute: Int) {
            api = RateLimiter(rule: RateLimitRule(name: "api", limit: apiPerMinute, window: .seconds(60)))
            authentication = RateLimiter(rule: RateLimitRule(name: "auth", limit: authPerMinute, window: .seconds(60)))
            passwordReset = RateLimiter(rule: .passwordReset)
            registration = RateLimiter(rule: .registration)
            staticFiles = RateLimiter(rule: .staticFiles)
            images = RateLimiter(rule: .images)
        }
    }

    static let authenticationPaths: Set<String> = [
        "/api/auth/login", "/api/auth/token", "/api/auth/change-password", "/api/setup", "/api/auth/verify",
    ]
    static let passwordResetPaths: Set<String> = [
        "/api/auth/forgot-password", "/api/auth/reset-password", "/api/auth/resend-verification",
        "/api/auth/accept-invitation",
    ]
    static let registrationPaths: Set<String> = ["/api/auth/register"]
    /// Label images and thumbnails, counted apart from the API.
    static let imagesPrefix = "/api/images/"

    let limits: Limits
    let instant: @Sendable () -> ContinuousClock.Instant

    func prepare(_ request: HTTPRequest, context: inout RequestContext) throws -> HTTPResponse? {
        let now = instant()
        let client = context.clientAddress
        let path = request.path
        var limiters: [RateLimiter] = []
        if path.hasPrefix(Self.imagesPrefix) {
            limiters.append(limits.images)
        } else if path.hasPrefix("/api/") {
            limiters.append(limits.api)
            if Self.authenticationPaths.contains(path) {
                limiters.append(limits.authentication)
            } else if Self.passwordResetPaths.contains(path) {
                limiters.append(limits.passwordReset)
            } else if Self.registrationPaths.contains(path) {
                limiters.append(limits.registration)
            }
        } else {
            limiters.append(limits.staticFiles)
        }
        for limiter in limiters {
            if case .limited(let retryAfter) = limiter.check(key: client, now: now) {
                throw WineBoxError(
                    .rateLimited, "Too many requests. Try again in \(retryAfter) seconds.",
                    retryAfterSeconds: retryAfter)
            }
        }
        return nil
    }
}
