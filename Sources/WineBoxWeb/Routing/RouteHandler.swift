public import WineBoxHTTP

/// How a route answers.
public enum RouteHandler: Sendable {
    /// Runs on the server thread that received the request. Only for work that never blocks or waits:
    /// building a response from memory, validating input. The fastest path.
    case inline(@Sendable (HTTPRequest, RequestContext) throws -> HTTPResponse)
    /// Runs as a Swift task while the connection is suspended. For anything that touches the database,
    /// the disk, another service, or heavy CPU work.
    case async(@Sendable (HTTPRequest, RequestContext) async throws -> HTTPResponse)
    /// Tries `fromCache` on the server thread first, when the access guard can also admit the caller from memory
    /// (``AccessGuard/admitFromMemory(_:context:access:)``); when either answers nil, runs `otherwise` as a task.
    /// For frequent reads whose answer is often already rendered: `fromCache` must never block or wait, and must
    /// answer exactly what `otherwise` would (or nil).
    case cachedFirst(
        fromCache: @Sendable (HTTPRequest, RequestContext) -> HTTPResponse?,
        otherwise: @Sendable (HTTPRequest, RequestContext) async throws -> HTTPResponse)
}
