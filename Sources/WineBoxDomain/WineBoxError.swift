/// An error of WineBox's own rules: what went wrong, in words that are safe to show to the person using it.
///
/// The domain knows nothing of HTTP; the app maps each ``Code`` to a status in one place.
public struct WineBoxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure. A struct rather than an enum, so new codes never break exhaustive switches.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let description: String

        /// The input is malformed or breaks a rule (a negative quantity, an unknown wine type).
        public static let invalidInput = Code(description: "invalid_input")
        /// The request cannot be used at all (an upload that is not an image, a stock operation the cellar
        /// cannot satisfy); answered with 400 where the earlier WineBox did so, for compatible clients.
        public static let badRequest = Code(description: "bad_request")
        /// The thing asked for does not exist.
        public static let notFound = Code(description: "not_found")
        /// The request conflicts with the current state (an email already registered, not enough bottles).
        public static let conflict = Code(description: "conflict")
        /// The caller is not signed in, or the credentials are wrong.
        public static let unauthenticated = Code(description: "unauthenticated")
        /// The caller is signed in but not allowed to do this.
        public static let forbidden = Code(description: "forbidden")
        /// The caller has tried too often; ``WineBoxError/retryAfterSeconds`` says when to try again.
        public static let rateLimited = Code(description: "rate_limited")
        /// The content is too large.
        public static let tooLarge = Code(description: "too_large")
        /// The service is temporarily unable to do this (overloaded, shutting down).
        public static let unavailable = Code(description: "unavailable")
    }

    public let code: Code
    /// A message safe to show to the client and to log: no secrets, no internals.
    public let message: String
    /// For ``Code/rateLimited`` and ``Code/unavailable``: seconds until a retry makes sense.
    public let retryAfterSeconds: Int?

    public init(_ code: Code, _ message: String, retryAfterSeconds: Int? = nil) {
        self.code = code
        self.message = message
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var description: String { "\(code): \(message)" }
}
