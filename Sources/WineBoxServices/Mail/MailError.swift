/// Why a message could not be sent or a mailer could not be created, in words safe to log and to show to an
/// operator.
///
/// The message never contains a password, secret, token, full e-mail address or any part of a message body;
/// addresses appear masked (`a***@example.com`) when at all.
public struct MailError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure. A struct rather than an enum, so new codes never break exhaustive switches.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let description: String

        /// A recipient or sender address is malformed, or contains a line break (header injection).
        public static let invalidAddress = Code(description: "invalid_address")
        /// The message itself cannot be sent as it is: a subject with a line break, an empty text body.
        public static let invalidMessage = Code(description: "invalid_message")
        /// The server refused the sender, the recipient or the message (an SMTP 4xx/5xx reply, an SES 4xx).
        /// Whether a retry can help is stated in the message.
        public static let rejected = Code(description: "rejected")
        /// The server could not be reached or the conversation broke off: DNS, refused connection, TLS
        /// failure, a dropped connection, an SES 5xx.
        public static let unreachable = Code(description: "unreachable")
        /// The server did not answer within the configured timeout.
        public static let timeout = Code(description: "timeout")
        /// The server refused the credentials (SMTP user name and password, AWS keys or signature).
        public static let authenticationFailed = Code(description: "authentication_failed")
        /// The configuration cannot work: a missing host or key, an insecure setting, a malformed value.
        public static let misconfigured = Code(description: "misconfigured")
    }

    public let code: Code
    /// A message safe to log and to show to an operator: no secrets, tokens, full addresses or bodies.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
