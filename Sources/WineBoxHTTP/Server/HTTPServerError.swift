/// Why the HTTP server could not start.
public struct HTTPServerError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in general terms.
    public struct Code: Hashable, Sendable {
        fileprivate let name: String
        /// The host is not an IP address literal.
        public static let invalidAddress = Code(name: "invalidAddress")
        /// libmicrohttpd could not start (port in use, no permission, resource limits).
        public static let startFailed = Code(name: "startFailed")
        /// `start()` was called twice.
        public static let alreadyStarted = Code(name: "alreadyStarted")
    }

    public let code: Code
    /// A message safe to log and show.
    public let message: String

    public var description: String { message }
}
