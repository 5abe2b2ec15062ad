import WineBoxHTTP
import WineBoxSupport
import WineBoxWeb

/// Runs `request` through `responder` in-process (no sockets), awaiting deferred work.
func respond(_ responder: WebResponder, _ request: HTTPRequest) async -> HTTPResponse {
    switch responder.handle(request) {
    case .response(let response):
        return response
    case .deferred(let work):
        return await work()
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}

func makeResponder(
    middleware: [any Middleware] = [], staticFiles: StaticFiles? = nil, logger: Logger = .disabled,
    routes: (inout Router) -> Void
) -> WebResponder {
    var router = Router()
    routes(&router)
    return WebResponder(router: router, middleware: middleware, staticFiles: staticFiles, logger: logger)
}
