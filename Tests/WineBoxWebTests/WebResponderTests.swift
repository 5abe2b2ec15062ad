import Foundation
import Synchronization
import Testing
import WineBoxHTTP
import WineBoxSupport
import WineBoxWeb

private struct InternalFailure: Error, CustomStringConvertible {
    var description: String { "database file /secret/path is corrupt" }
}

/// A list of strings shared between threads.
private final class SharedLog: Sendable {
    private let entries = Mutex<[String]>([])

    func append(_ entry: String) {
        entries.withLock { $0.append(entry) }
    }

    func reset() {
        entries.withLock { $0 = [] }
    }

    var all: [String] { entries.withLock { $0 } }
}

/// Records the order in which middleware hooks run.
private struct RecordingMiddleware: Middleware {
    let name: String
    let log: SharedLog
    var answerEarly = false

    func prepare(_ request: HTTPRequest, context: inout RequestContext) throws -> HTTPResponse? {
        log.append("prepare \(name)")
        return answerEarly ? HTTPResponse(status: .accepted) : nil
    }

    func finish(_ request: HTTPRequest, response: inout HTTPResponse, context: RequestContext) {
        log.append("finish \(name)")
        response.headers.add("X-Finished-By", name)
    }
}

@Suite struct WebResponderTests {
    @Test func unknownRoutesGetAJSON404WithTheRequestID() async throws {
        let responder = makeResponder { _ in }
        let response = await respond(responder, HTTPRequest(method: .get, path: "/api/nothing"))
        #expect(response.status == .notFound)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        let body = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: String]
        #expect(body?["detail"] == "Not Found")
        #expect(body?["request_id"] == response.headers["X-Request-ID"])
    }

    @Test func wrongMethodGetsA405WithAllow() async {
        let responder = makeResponder { router in
            router.add(.get, "/health", access: .public, inline: { _, _ in HTTPResponse(status: .ok) })
        }
        let response = await respond(responder, HTTPRequest(method: .post, path: "/health"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET")
        #expect(response.text.contains("\"detail\""))
    }

    @Test func unexpectedErrorsGetA500WithoutInternals() async throws {
        let sink = MemoryLogSink()
        let responder = makeResponder(logger: Logger(level: .info, sink: sink)) { router in
            router.add(.get, "/boom", access: .public) { _, _ in throw InternalFailure() }
        }
        let response = await respond(responder, HTTPRequest(method: .get, path: "/boom"))
        #expect(response.status == .internalServerError)
        let body = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: String]
        #expect(body?["detail"] == "Internal server error")
        #expect(body?["request_id"]?.count == 16)
        #expect(!response.text.contains("secret"))
        #expect(sink.lines.count == 1)
        #expect(sink.lines[0].contains("error"))
        #expect(sink.lines[0].contains(body?["request_id"] ?? "missing"))
    }

    @Test func httpErrorsKeepTheirStatusDetailAndHeaders() async {
        let responder = makeResponder { router in
            router.add(
                .get, "/limited", access: .public,
                inline: { _, _ in
                    throw HTTPError(.tooManyRequests, "Slow down", headers: ["Retry-After": "30"])
                })
        }
        let response = await respond(responder, HTTPRequest(method: .get, path: "/limited"))
        #expect(response.status == .tooManyRequests)
        #expect(response.headers["Retry-After"] == "30")
        #expect(response.text.contains("Slow down"))
    }

    @Test func everyResponseHasAFreshRequestID() async {
        let responder = makeResponder { router in
            router.add(
                .get, "/x", access: .public,
                inline: { _, context in
                    HTTPResponse(status: .ok, body: Array(context.requestID.utf8))
                })
        }
        var seen = Set<String>()
        for _ in 0..<50 {
            let response = await respond(responder, HTTPRequest(method: .get, path: "/x"))
            let id = response.headers["X-Request-ID"] ?? ""
            #expect(id.count == 16)
            #expect(response.text == id)
            seen.insert(id)
        }
        #expect(seen.count == 50)
    }

    @Test func middlewareWrapsTheHandlerInOrderForInlineAndAsyncRoutes() async {
        let log = SharedLog()
        let responder = makeResponder(middleware: [
            RecordingMiddleware(name: "outer", log: log), RecordingMiddleware(name: "inner", log: log),
        ]) { router in
            router.add(.get, "/inline", access: .public, inline: { _, _ in HTTPResponse(status: .ok) })
            router.add(.get, "/async", access: .public) { _, _ in
                await Task.yield()
                return HTTPResponse(status: .ok)
            }
        }
        for path in ["/inline", "/async"] {
            log.reset()
            let response = await respond(responder, HTTPRequest(method: .get, path: path))
            #expect(log.all == ["prepare outer", "prepare inner", "finish inner", "finish outer"])
            #expect(response.headers.values(for: "X-Finished-By") == ["inner", "outer"])
        }
    }

    @Test func middlewareCanAnswerEarlyAndOnlyMiddlewareThatRanIsFinished() async {
        let log = SharedLog()
        let handlerCalls = Mutex(0)
        let responder = makeResponder(middleware: [
            RecordingMiddleware(name: "gate", log: log, answerEarly: true),
            RecordingMiddleware(name: "never", log: log),
        ]) { router in
            router.add(
                .get, "/x", access: .public,
                inline: { _, _ in
                    handlerCalls.withLock { $0 += 1 }
                    return HTTPResponse(status: .ok)
                })
        }
        let response = await respond(responder, HTTPRequest(method: .get, path: "/x"))
        #expect(response.status == .accepted)
        #expect(log.all == ["prepare gate", "finish gate"])
        #expect(handlerCalls.withLock { $0 } == 0)
    }

    @Test func securityHeadersAreOnEveryResponseAndHSTSOnlyWhenEnforced() async {
        for enforce in [false, true] {
            let responder = makeResponder(middleware: [SecurityHeadersMiddleware(enforceHTTPS: enforce)]) { _ in }
            let response = await respond(responder, HTTPRequest(method: .get, path: "/missing"))
            let csp = response.headers["Content-Security-Policy"] ?? ""
            #expect(csp.contains("script-src 'self'"))
            #expect(!csp.contains("unsafe-inline"))
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(response.headers["X-Frame-Options"] == "DENY")
            #expect(response.headers["X-Content-Type-Options"] == "nosniff")
            #expect(response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin")
            #expect(response.headers["Permissions-Policy"]?.contains("microphone=()") == true)
            #expect(response.headers.contains("Strict-Transport-Security") == enforce)
        }
    }

    @Test func rejectionsAreRenderedAsJSONAndFinished() {
        let responder = makeResponder(middleware: [SecurityHeadersMiddleware(enforceHTTPS: false)]) { _ in }
        let response = responder.handleRejection(
            HTTPRequest(method: .post, path: "/upload"), rejection: .bodyTooLarge(limit: 10))
        #expect(response.status == .payloadTooLarge)
        #expect(response.headers.contains("Content-Security-Policy"))
        #expect(response.headers.contains("X-Request-ID"))
        #expect(response.text.contains("maximum allowed size"))
    }
}

/// Admits requests with `Authorization: Bearer good`, as admin when the token is `admin`.
private struct TokenGuard: AccessGuard {
    func admit(_ request: HTTPRequest, context: RequestContext, access: RouteAccess) async throws -> RequestContext {
        switch (request.headers["Authorization"], access) {
        case ("Bearer admin", _), ("Bearer good", .signedIn):
            return context
        case ("Bearer good", _):
            throw HTTPError(.forbidden, "Admins only")
        default:
            throw HTTPError(.unauthorized, "Not authenticated")
        }
    }
}

@Suite struct AccessControlTests {
    let routes: (inout Router) -> Void = { router in
        router.add(.get, "/open", access: .public, inline: { _, _ in HTTPResponse(status: .ok) })
        router.add(.get, "/members", inline: { _, _ in HTTPResponse(status: .ok) })
        router.add(.get, "/admins", access: .admin) { _, _ in HTTPResponse(status: .ok) }
    }

    private func status(_ responder: WebResponder, _ path: String, token: String? = nil) async -> Int {
        let headers: HTTPHeaders = token.map { ["Authorization": "Bearer \($0)"] } ?? [:]
        return await respond(responder, HTTPRequest(method: .get, path: path, headers: headers)).status.code
    }

    @Test func routesAreSignedInOnlyUnlessDeclaredPublic() async {
        let responder = WebResponder(
            router: {
                var router = Router()
                routes(&router)
                return router
            }(), middleware: [], staticFiles: nil,
            accessGuard: TokenGuard(), logger: .disabled)
        #expect(await status(responder, "/open") == 200)
        #expect(await status(responder, "/members") == 401)
        #expect(await status(responder, "/members", token: "bad") == 401)
        #expect(await status(responder, "/members", token: "good") == 200)
        #expect(await status(responder, "/admins", token: "good") == 403)
        #expect(await status(responder, "/admins", token: "admin") == 200)
    }

    @Test func withoutAGuardProtectedRoutesFailClosed() async {
        let responder = makeResponder(routes: routes)
        #expect(await status(responder, "/open") == 200)
        #expect(await status(responder, "/members", token: "good") == 401)
    }

    @Test func theRouteTableListsEveryRouteWithItsAccess() {
        var router = Router()
        routes(&router)
        #expect(
            router.routes.map { "\($0.method) \($0.pattern) \($0.access)" } == [
                "GET /admins admin", "GET /members signed_in", "GET /open public",
            ])
    }
}

@Suite struct SecurityHeaderPolicyTests {
    @Test func theContentSecurityPolicyIsExactlyThePublishedOne() {
        #expect(
            SecurityHeadersMiddleware.contentSecurityPolicy
                == "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
    }

    @Test func apiResponsesAreNotStoredButStaticFilesKeepTheirPolicy() async {
        let responder = makeResponder(middleware: [SecurityHeadersMiddleware(enforceHTTPS: false)]) { router in
            router.add(.get, "/api/thing", access: .public, inline: { _, _ in HTTPResponse(status: .ok) })
            router.add(
                .get, "/page.css", access: .public,
                inline: { _, _ in HTTPResponse(status: .ok, headers: ["Cache-Control": "no-cache"]) })
        }
        let api = await respond(responder, HTTPRequest(method: .get, path: "/api/thing"))
        #expect(api.headers["Cache-Control"] == "no-store")
        let apiError = await respond(responder, HTTPRequest(method: .get, path: "/api/missing"))
        #expect(apiError.headers["Cache-Control"] == "no-store")
        let page = await respond(responder, HTTPRequest(method: .get, path: "/page.css"))
        #expect(page.headers["Cache-Control"] == "no-cache")
        #expect(page.headers["Permissions-Policy"]?.contains("camera=(self)") == true)
        #expect(page.headers["Cross-Origin-Opener-Policy"] == "same-origin")
    }
}

/// Admits "Bearer remembered" from memory and "Bearer fresh" only through the task path.
private struct MemoryGuard: AccessGuard {
    func admit(_ request: HTTPRequest, context: RequestContext, access: RouteAccess) async throws -> RequestContext {
        guard ["Bearer remembered", "Bearer fresh"].contains(request.headers["Authorization"]) else {
            throw HTTPError(.unauthorized, "Not authenticated")
        }
        return context
    }

    func admitFromMemory(_ request: HTTPRequest, context: RequestContext, access: RouteAccess) -> RequestContext? {
        request.headers["Authorization"] == "Bearer remembered" ? context : nil
    }
}

@Suite struct CachedFirstRouteTests {
    /// `/cached/{answer}` answers "from cache" from memory when `answer` is "hit", else "from task".
    private func responder(guard accessGuard: (any AccessGuard)?) -> WebResponder {
        var router = Router()
        router.add(
            .get, "/cached/{answer}",
            fromCache: { _, context in
                context.parameters.get("answer") == "hit"
                    ? HTTPResponse(status: .ok, body: Array("from cache".utf8)) : nil
            },
            otherwise: { _, _ in HTTPResponse(status: .ok, body: Array("from task".utf8)) })
        return WebResponder(
            router: router, middleware: [], staticFiles: nil, accessGuard: accessGuard, logger: .disabled)
    }

    /// Whether the request was answered on the calling thread, and the answer's status and body.
    private func answer(_ responder: WebResponder, _ path: String, token: String?) async -> (Bool, Int, String) {
        let headers: HTTPHeaders = token.map { ["Authorization": "Bearer \($0)"] } ?? [:]
        let request = HTTPRequest(method: .get, path: path, headers: headers)
        switch responder.handle(request) {
        case .response(let response):
            return (true, response.status.code, response.text)
        case .deferred(let work):
            let response = await work()
            return (false, response.status.code, response.text)
        }
    }

    @Test func aRememberedCallerGetsTheCachedAnswerOnTheServerThread() async {
        let responder = responder(guard: MemoryGuard())
        let (inline, status, body) = await answer(responder, "/cached/hit", token: "remembered")
        #expect(inline && status == 200 && body == "from cache")
    }

    @Test func anythingNotKnownFromMemoryGoesThroughTheTaskPath() async {
        let responder = responder(guard: MemoryGuard())
        let missed = await answer(responder, "/cached/miss", token: "remembered")
        #expect(!missed.0 && missed.1 == 200 && missed.2 == "from task")
        let notRemembered = await answer(responder, "/cached/hit", token: "fresh")
        #expect(!notRemembered.0 && notRemembered.2 == "from task")
        let stranger = await answer(responder, "/cached/hit", token: "forged")
        #expect(!stranger.0 && stranger.1 == 401)
        let anonymous = await answer(responder, "/cached/hit", token: nil)
        #expect(!anonymous.0 && anonymous.1 == 401)
    }

    @Test func guardsWithoutAMemoryAndMissingGuardsNeverAnswerFromCache() async {
        let plain = await answer(responder(guard: TokenGuard()), "/cached/hit", token: "good")
        #expect(!plain.0 && plain.1 == 200 && plain.2 == "from task")
        let unguarded = await answer(responder(guard: nil), "/cached/hit", token: "remembered")
        #expect(!unguarded.0 && unguarded.1 == 401)
    }
}
