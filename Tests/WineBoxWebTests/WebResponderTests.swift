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
            router.add(.get, "/health", inline: { _, _ in HTTPResponse(status: .ok) })
        }
        let response = await respond(responder, HTTPRequest(method: .post, path: "/health"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET")
        #expect(response.text.contains("\"detail\""))
    }

    @Test func unexpectedErrorsGetA500WithoutInternals() async throws {
        let sink = MemoryLogSink()
        let responder = makeResponder(logger: Logger(level: .info, sink: sink)) { router in
            router.add(.get, "/boom") { _, _ in throw InternalFailure() }
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
                .get, "/limited",
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
                .get, "/x",
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
            router.add(.get, "/inline", inline: { _, _ in HTTPResponse(status: .ok) })
            router.add(.get, "/async") { _, _ in
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
                .get, "/x",
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
