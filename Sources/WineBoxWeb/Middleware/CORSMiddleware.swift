public import WineBoxHTTP

/// Cross-origin access for the listed origins only. With no origins configured (the default) it does nothing,
/// so browsers keep the same-origin policy.
///
/// For an allowed `Origin`, responses carry `Access-Control-Allow-Origin` (that origin, never `*` with
/// credentials), `Vary: Origin` and `Access-Control-Expose-Headers: X-Request-ID, X-Total-Count`; preflight requests
/// (`OPTIONS` with `Access-Control-Request-Method`) are answered 204 with the allowed methods and headers, cached
/// for 600 seconds. A preflight from any other origin gets 403.
public struct CORSMiddleware: Middleware {
    static let allowedMethods = "GET, POST, PUT, PATCH, DELETE"
    static let allowedHeaders = "Authorization, Content-Type"

    private let origins: Set<String>
    private let allowsAnyOrigin: Bool

    /// - Parameter origins: exact origins such as `https://cellar.example.com`, or `*` for any origin.
    public init(origins: [String]) {
        self.origins = Set(origins)
        allowsAnyOrigin = origins.contains("*")
    }

    private func allows(_ origin: String) -> Bool {
        allowsAnyOrigin || origins.contains(origin)
    }

    public func prepare(_ request: HTTPRequest, context: inout RequestContext) throws -> HTTPResponse? {
        guard request.method == .options, request.headers.contains("Access-Control-Request-Method"),
            let origin = request.headers["Origin"]
        else {
            return nil
        }
        guard !origins.isEmpty, allows(origin) else {
            throw HTTPError(.forbidden, "Cross-origin requests from this origin are not allowed")
        }
        return HTTPResponse(
            status: .noContent,
            headers: [
                "Access-Control-Allow-Methods": Self.allowedMethods,
                "Access-Control-Allow-Headers": Self.allowedHeaders, "Access-Control-Max-Age": "600",
            ])
    }

    public func finish(_ request: HTTPRequest, response: inout HTTPResponse, context: RequestContext) {
        guard !origins.isEmpty, let origin = request.headers["Origin"], allows(origin) else {
            return
        }
        response.headers.set("Access-Control-Allow-Origin", origin)
        response.headers.add("Vary", "Origin")
        response.headers.set("Access-Control-Expose-Headers", "X-Request-ID, X-Total-Count")
    }
}
