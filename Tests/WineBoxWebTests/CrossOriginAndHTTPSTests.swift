import Testing
import WineBoxHTTP
import WineBoxWeb

@Suite struct CORSTests {
    private func responder(_ origins: [String]) -> WebResponder {
        makeResponder(middleware: [CORSMiddleware(origins: origins)]) { router in
            router.add(.get, "/api/thing", access: .public, inline: { _, _ in HTTPResponse(status: .ok) })
        }
    }

    private func preflight(_ origin: String) -> HTTPRequest {
        HTTPRequest(
            method: .options, path: "/api/thing",
            headers: ["Origin": origin, "Access-Control-Request-Method": "GET"])
    }

    @Test func withoutOriginsNoCORSHeadersAreSentAndPreflightsAreRefused() async {
        let response = await respond(
            responder([]), HTTPRequest(method: .get, path: "/api/thing", headers: ["Origin": "https://evil.example"]))
        #expect(response.status == .ok)
        #expect(!response.headers.contains("Access-Control-Allow-Origin"))
        #expect(await respond(responder([]), preflight("https://evil.example")).status == .forbidden)
    }

    @Test func listedOriginsAndOnlyThoseAreAllowed() async {
        let allowed = responder(["https://cellar.example.com"])
        let response = await respond(
            allowed,
            HTTPRequest(method: .get, path: "/api/thing", headers: ["Origin": "https://cellar.example.com"]))
        #expect(response.headers["Access-Control-Allow-Origin"] == "https://cellar.example.com")
        #expect(response.headers["Vary"] == "Origin")
        #expect(response.headers["Access-Control-Expose-Headers"] == "X-Request-ID, X-Total-Count")
        let ok = await respond(allowed, preflight("https://cellar.example.com"))
        #expect(ok.status == .noContent)
        #expect(ok.headers["Access-Control-Allow-Headers"] == "Authorization, Content-Type")
        #expect(ok.headers["Access-Control-Max-Age"] == "600")
        #expect(await respond(allowed, preflight("https://other.example.com")).status == .forbidden)
        let other = await respond(
            allowed, HTTPRequest(method: .get, path: "/api/thing", headers: ["Origin": "https://other.example.com"]))
        #expect(!other.headers.contains("Access-Control-Allow-Origin"))
    }
}

@Suite struct HTTPSOnlyTests {
    let responder = makeResponder(middleware: [HTTPSOnlyMiddleware(trustedProxies: ["10.0.0.1"])]) { router in
        router.add(.get, "/api/thing", access: .public, inline: { _, _ in HTTPResponse(status: .ok) })
        router.add(.get, "/health", access: .public, inline: { _, _ in HTTPResponse(status: .ok) })
        router.add(.get, "/page", access: .public, inline: { _, _ in HTTPResponse(status: .ok) })
    }

    private func request(_ path: String, from peer: String, proto: String?) -> HTTPRequest {
        var headers: HTTPHeaders = ["Host": "cellar.example.com"]
        if let proto {
            headers.add("X-Forwarded-Proto", proto)
        }
        return HTTPRequest(method: .get, path: path, query: [("a", "b c")], headers: headers, remoteAddress: peer)
    }

    @Test func plainHTTPPagesRedirectAndAPICallsAreRefused() async {
        let page = await respond(responder, request("/page", from: "10.0.0.1", proto: "http"))
        #expect(page.status.code == 301)
        #expect(page.headers["Location"] == "https://cellar.example.com/page?a=b%20c")
        let api = await respond(responder, request("/api/thing", from: "10.0.0.1", proto: nil))
        #expect(api.status == .forbidden)
        #expect(await respond(responder, request("/health", from: "127.0.0.1", proto: nil)).status == .ok)
    }

    @Test func httpsIsBelievedOnlyFromATrustedProxy() async {
        #expect(await respond(responder, request("/api/thing", from: "10.0.0.1", proto: "https")).status == .ok)
        #expect(await respond(responder, request("/api/thing", from: "192.0.2.7", proto: "https")).status == .forbidden)
    }
}
