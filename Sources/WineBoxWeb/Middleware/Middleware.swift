public import WineBoxHTTP

/// A step every request passes through on its way in and every response on its way out.
///
/// ``prepare(_:context:)`` runs in registration order before the route handler, on the server thread: it
/// may add to the context, answer early by returning a response, or throw an error that is rendered by
/// ``ErrorRenderer``. ``finish(_:response:context:)`` runs in reverse order for every response, including
/// early answers and errors. Both must be quick and must not block: they run for every request.
public protocol Middleware: Sendable {
    func prepare(_ request: HTTPRequest, context: inout RequestContext) throws -> HTTPResponse?
    func finish(_ request: HTTPRequest, response: inout HTTPResponse, context: RequestContext)
}

extension Middleware {
    public func prepare(_ request: HTTPRequest, context: inout RequestContext) throws -> HTTPResponse? {
        nil
    }

    public func finish(_ request: HTTPRequest, response: inout HTTPResponse, context: RequestContext) {}
}
