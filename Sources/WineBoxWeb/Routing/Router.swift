public import WineBoxHTTP

/// Maps a method and a path to a handler. Built once at start-up, then only read.
///
/// Patterns have literal segments and `{name}` parameters. Routes are tried most specific first (literal
/// segments before parameters), and the first whose pattern and method both fit wins. When patterns fit but
/// no method does, the answer is 405 with the allowed methods.
/// A HEAD request is answered by the GET route when no HEAD route exists. Registering the same method and
/// pattern twice is a programmer error and traps at start-up.
public struct Router: Sendable {
    struct Route: Sendable {
        let method: HTTPMethod
        let pattern: RoutePattern
        let access: RouteAccess
        let handler: RouteHandler
    }

    /// One row of the route table, for documentation and for tests that walk every route.
    public struct RouteDescription: Sendable, Hashable {
        public let method: HTTPMethod
        public let pattern: String
        public let access: RouteAccess
    }

    /// The result of looking up a request.
    public enum Match: Sendable {
        case found(RouteHandler, parameters: Parameters, pattern: String, access: RouteAccess)
        /// The path exists but not for this method; `allowed` lists the methods that do exist.
        case methodNotAllowed(allowed: [HTTPMethod])
        case notFound
    }

    /// Routes grouped by segment count, each group ordered most specific first.
    private var routesBySegmentCount: [Int: [Route]] = [:]

    public init() {}

    /// Every route, in registration-independent order (by pattern, then method).
    public var routes: [RouteDescription] {
        routesBySegmentCount.values.joined()
            .map { RouteDescription(method: $0.method, pattern: $0.pattern.description, access: $0.access) }
            .sorted { ($0.pattern, $0.method.rawValue) < ($1.pattern, $1.method.rawValue) }
    }

    /// Adds a route that runs on the server thread; see ``RouteHandler/inline(_:)``. Routes that are not
    /// public run after the access guard, which is asynchronous, so only public inline routes stay inline.
    public mutating func add(
        _ method: HTTPMethod, _ pattern: String, access: RouteAccess = .signedIn,
        inline handler: @escaping @Sendable (HTTPRequest, RequestContext) throws -> HTTPResponse
    ) {
        add(method, pattern, access, .inline(handler))
    }

    /// Adds a route that runs as a Swift task; see ``RouteHandler/async(_:)``.
    public mutating func add(
        _ method: HTTPMethod, _ pattern: String, access: RouteAccess = .signedIn,
        _ handler: @escaping @Sendable (HTTPRequest, RequestContext) async throws -> HTTPResponse
    ) {
        add(method, pattern, access, .async(handler))
    }

    /// Registers a route that answers from `fromCache` on the server thread when it can, and otherwise from
    /// `otherwise` as a task (see ``RouteHandler/cachedFirst(fromCache:otherwise:)``).
    public mutating func add(
        _ method: HTTPMethod, _ pattern: String, access: RouteAccess = .signedIn,
        fromCache: @escaping @Sendable (HTTPRequest, RequestContext) -> HTTPResponse?,
        otherwise: @escaping @Sendable (HTTPRequest, RequestContext) async throws -> HTTPResponse
    ) {
        add(method, pattern, access, .cachedFirst(fromCache: fromCache, otherwise: otherwise))
    }

    private mutating func add(_ method: HTTPMethod, _ pattern: String, _ access: RouteAccess, _ handler: RouteHandler) {
        let parsed = RoutePattern(pattern)
        var group = routesBySegmentCount[parsed.segments.count, default: []]
        precondition(
            !group.contains { $0.method == method && $0.pattern == parsed },
            "Route \(method) \(pattern) is registered twice")
        let index = group.firstIndex { parsed.isMoreSpecific(than: $0.pattern) } ?? group.endIndex
        group.insert(Route(method: method, pattern: parsed, access: access, handler: handler), at: index)
        routesBySegmentCount[parsed.segments.count] = group
    }

    /// Finds the handler for `method` and `path` (a percent-decoded path without query).
    public func match(_ method: HTTPMethod, path: String) -> Match {
        // Split on the UTF-8 bytes: much cheaper than by Character, and "/" never occurs inside a multi-byte one.
        let segments = path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        guard let group = routesBySegmentCount[segments.count] else {
            return .notFound
        }
        var allowed: [HTTPMethod] = []
        var headFallback: Match?
        for route in group {
            guard let parameters = route.pattern.match(segments) else {
                continue
            }
            if route.method == method {
                return .found(
                    route.handler, parameters: parameters, pattern: route.pattern.description, access: route.access)
            }
            if method == .head && route.method == .get && headFallback == nil {
                headFallback = .found(
                    route.handler, parameters: parameters, pattern: route.pattern.description, access: route.access)
            }
            if !allowed.contains(route.method) {
                allowed.append(route.method)
            }
        }
        if let headFallback {
            return headFallback
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }
}
