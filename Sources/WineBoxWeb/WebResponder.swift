public import WineBoxHTTP
public import WineBoxSupport

/// The web layer's answer to every request: runs the middleware, routes, calls the handler and renders errors.
///
/// For each request it creates a ``RequestContext`` with a fresh server-generated request id, runs every
/// middleware's `prepare` in order, looks up the route, runs the handler (inline on the server thread or as a
/// task, as the route says), renders any error with ``ErrorRenderer``, runs every middleware's `finish` in
/// reverse order, and sets `X-Request-ID`. Requests that match no route go to the static files (GET/HEAD), and
/// otherwise get a JSON 404, or 405 with `Allow` when the path exists for other methods.
public final class WebResponder: HTTPHandler, Sendable {
    let router: Router
    let middleware: [any Middleware]
    let staticFiles: StaticFiles?
    let accessGuard: (any AccessGuard)?
    let logger: Logger
    let translateError: @Sendable (any Error) -> any Error
    private let requestIDs = RequestIDGenerator()

    /// - Parameter accessGuard: checks credentials for every route that is not public; without one, such
    ///   routes answer 401 (fail closed).
    /// - Parameter translateError: turns errors of lower layers this module cannot know (storage constraints) into
    ///   ``HTTPResponseError``s before they are rendered; errors it leaves alone are unexpected: 500, logged.
    public init(
        router: Router, middleware: [any Middleware], staticFiles: StaticFiles?, accessGuard: (any AccessGuard)? = nil,
        logger: Logger, translateError: @escaping @Sendable (any Error) -> any Error = { $0 }
    ) {
        self.router = router
        self.middleware = middleware
        self.staticFiles = staticFiles
        self.accessGuard = accessGuard
        self.logger = logger
        self.translateError = translateError
    }

    public func handle(_ request: HTTPRequest) -> HTTPHandlerResult {
        var context = makeContext(for: request)
        var prepared = 0
        do {
            for step in middleware {
                prepared += 1
                if let early = try step.prepare(request, context: &context) {
                    return .response(finish(request, early, context: context, preparedCount: prepared))
                }
            }
        } catch {
            let response = ErrorRenderer.response(for: translateError(error), context: context)
            return .response(finish(request, response, context: context, preparedCount: prepared))
        }

        switch router.match(request.method, path: request.path) {
        case .found(let handler, let parameters, let pattern, let access):
            context.parameters = parameters
            context.routePattern = pattern
            if access == .public, case .inline(let body) = handler {
                let response: HTTPResponse
                do {
                    response = try body(request, context)
                } catch {
                    response = ErrorRenderer.response(for: translateError(error), context: context)
                }
                return .response(finish(request, response, context: context, preparedCount: prepared))
            }
            if case .cachedFirst(let fromCache, _) = handler,
                let (response, admitted) = answerFromMemory(request, context: context, access: access, fromCache)
            {
                return .response(finish(request, response, context: admitted, preparedCount: prepared))
            }
            return deferred(request, context: context, access: access, handler: handler, preparedCount: prepared)
        case .methodNotAllowed(let allowed):
            let names = allowed.map(\.rawValue).joined(separator: ", ")
            let error = HTTPError(.methodNotAllowed, "Method Not Allowed", headers: ["Allow": names])
            let response = ErrorRenderer.response(for: translateError(error), context: context)
            return .response(finish(request, response, context: context, preparedCount: prepared))
        case .notFound:
            let response =
                staticFiles?.response(for: request)
                ?? ErrorRenderer.response(for: HTTPError(.notFound, "Not Found"), context: context)
            return .response(finish(request, response, context: context, preparedCount: prepared))
        }
    }

    /// The answer of a cached-first route when both the caller's admission and the answer are known from memory,
    /// with the admitted context; nil sends the request down the task path.
    private func answerFromMemory(
        _ request: HTTPRequest, context: RequestContext, access: RouteAccess,
        _ fromCache: @Sendable (HTTPRequest, RequestContext) -> HTTPResponse?
    ) -> (HTTPResponse, RequestContext)? {
        var admitted = context
        if access != .public {
            guard let known = accessGuard?.admitFromMemory(request, context: context, access: access) else {
                return nil
            }
            admitted = known
        }
        return fromCache(request, admitted).map { ($0, admitted) }
    }

    /// The work for every route that does not answer inline: the access guard (unless the route is public),
    /// then the handler, as a Swift task.
    private func deferred(
        _ request: HTTPRequest, context: RequestContext, access: RouteAccess, handler: RouteHandler,
        preparedCount: Int
    ) -> HTTPHandlerResult {
        .deferred {
            var admitted = context
            let response: HTTPResponse
            do {
                if access != .public {
                    guard let accessGuard = self.accessGuard else {
                        throw HTTPError(.unauthorized, "Not authenticated", headers: ["WWW-Authenticate": "Bearer"])
                    }
                    admitted = try await accessGuard.admit(request, context: context, access: access)
                }
                switch handler {
                case .inline(let body):
                    response = try body(request, admitted)
                case .async(let body), .cachedFirst(_, let body):
                    response = try await body(request, admitted)
                }
            } catch {
                response = ErrorRenderer.response(for: self.translateError(error), context: admitted)
            }
            return self.finish(request, response, context: admitted, preparedCount: preparedCount)
        }
    }

    public func handleRejection(_ request: HTTPRequest, rejection: HTTPRequestRejection) -> HTTPResponse {
        let context = makeContext(for: request)
        let response = ErrorRenderer.response(for: rejection, context: context)
        return finish(request, response, context: context, preparedCount: middleware.count)
    }

    private func makeContext(for request: HTTPRequest) -> RequestContext {
        RequestContext(
            requestID: requestIDs.next(), logger: logger, clientAddress: request.remoteAddress)
    }

    /// Runs `finish` of the middleware that ran `prepare`, innermost first, then stamps the request id.
    private func finish(
        _ request: HTTPRequest, _ response: HTTPResponse, context: RequestContext, preparedCount: Int
    ) -> HTTPResponse {
        var response = response
        response.headers.set("X-Request-ID", context.requestID)
        for step in middleware.prefix(preparedCount).reversed() {
            step.finish(request, response: &response, context: context)
        }
        return response
    }
}
