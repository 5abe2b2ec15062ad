/// What the server calls for every request. Implemented by the web layer; the server knows nothing of routes.
///
/// ``handle(_:)`` runs on one of the server's threads. It must not block: it either answers at once or
/// returns deferred work, which the server runs as a Swift task while the connection is suspended.
public protocol HTTPHandler: Sendable {
    /// Answers `request` now, or returns the async work that will answer it.
    func handle(_ request: HTTPRequest) -> HTTPHandlerResult

    /// Answers a request the server refused before it was complete (body too large, malformed body).
    /// `request` carries the method, path and headers but no body. Runs on a server thread; must not block.
    func handleRejection(_ request: HTTPRequest, rejection: HTTPRequestRejection) -> HTTPResponse
}

/// The outcome of ``HTTPHandler/handle(_:)``.
public enum HTTPHandlerResult: Sendable {
    /// The response, ready to send.
    case response(HTTPResponse)
    /// Work to run on Swift concurrency; the connection waits, without holding a server thread.
    case deferred(@Sendable () async -> HTTPResponse)
}

/// Why the server refused a request on its own.
public struct HTTPRequestRejection: Sendable, Equatable, CustomStringConvertible {
    /// The body is larger than the configured limit (answer 413).
    public static func bodyTooLarge(limit: Int) -> HTTPRequestRejection {
        HTTPRequestRejection(
            status: .payloadTooLarge, description: "Request body exceeds the maximum allowed size of \(limit) bytes")
    }

    /// The body could not be parsed as its declared content type (answer 400).
    public static func malformedBody(_ reason: String) -> HTTPRequestRejection {
        HTTPRequestRejection(status: .badRequest, description: reason)
    }

    /// The status to answer with.
    public let status: HTTPStatus
    /// A message safe to show to the client.
    public let description: String
}
