/// Why Claude could not read a label, in words safe to log and to show to an operator.
///
/// The message never contains the API key, an image or a response body; at most the Messages API's own error
/// type and a shortened, cleaned copy of its error message. The caller falls back to the offline pipeline on any
/// of these and can name ``code`` in the scan result's `method`.
public struct ClaudeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure. A struct rather than an enum, so new codes never break exhaustive switches.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let description: String

        /// The settings cannot work: an empty or malformed key, a base URL that is not https (or loopback http),
        /// a malformed model id or limits out of range. Found when the reader is created.
        public static let misconfigured = Code(description: "misconfigured")
        /// An image is empty, over ``ClaudeLabelImage/maximumBytes`` (3.75 MiB), or not of the format given.
        public static let invalidImage = Code(description: "invalid_image")
        /// The API refused the key (401) or its permissions (403). Never retried.
        public static let authenticationFailed = Code(description: "authentication_failed")
        /// The API refused the request itself (400, 404, 413 and other 4xx): a wrong model id, a too large
        /// request. Never retried.
        public static let rejected = Code(description: "rejected")
        /// Still rate limited (429) after the last attempt, or the spend limit is reached.
        public static let rateLimited = Code(description: "rate_limited")
        /// The API could not be reached or kept failing (500, 502, 503, 504, 529, refused or broken connections,
        /// TLS failures).
        public static let unavailable = Code(description: "unavailable")
        /// No answer within the configured time, retries included.
        public static let timeout = Code(description: "timeout")
        /// Claude answered, but not with the JSON object asked for: no text, not JSON, not an object, or no
        /// usable field in it.
        public static let malformedAnswer = Code(description: "malformed_answer")
    }

    public let code: Code
    /// A message safe to log and to show to an operator.
    public let message: String
    /// The HTTP status of the last response, or nil when none arrived.
    public let status: Int?

    public init(_ code: Code, _ message: String, status: Int? = nil) {
        self.code = code
        self.message = message
        self.status = status
    }

    public var description: String { "\(code): \(message)" }
}
