public import WineBoxSupport

/// What the web layer knows about a request besides the request itself: its id, logger, route parameters,
/// timing, and typed values that middleware attach (the signed-in member, for example).
public struct RequestContext: Sendable {
    /// The server-generated id of this request, also sent back in `X-Request-ID`.
    public let requestID: String
    /// A logger that tags every record with the request id.
    public var logger: Logger
    /// When the request reached the web layer.
    public let startedAt: ContinuousClock.Instant
    /// Path parameters of the matched route (`{id}` in `/api/wines/{id}`).
    public var parameters: Parameters
    /// The pattern of the matched route (`/api/wines/{id}`), for logs; nil when no route matched.
    public var routePattern: String?
    /// The client address the request is attributed to (after trusted-proxy handling, when configured).
    public var clientAddress: String
    /// Typed values attached by middleware.
    public var storage: ContextStorage

    public init(requestID: String, logger: Logger, clientAddress: String) {
        self.requestID = requestID
        self.logger = logger.with(["request_id": requestID])
        self.startedAt = ContinuousClock.now
        self.parameters = Parameters()
        self.routePattern = nil
        self.clientAddress = clientAddress
        self.storage = ContextStorage()
    }
}
