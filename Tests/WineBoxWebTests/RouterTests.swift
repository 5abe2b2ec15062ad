import Testing
import WineBoxHTTP
import WineBoxWeb

@Suite struct RouterTests {
    let router: Router = {
        var router = Router()
        let ok: @Sendable (HTTPRequest, RequestContext) throws -> HTTPResponse = { _, _ in HTTPResponse(status: .ok) }
        router.add(.get, "/api/wines", inline: ok)
        router.add(.get, "/api/wines/{id}", inline: ok)
        router.add(.put, "/api/wines/{id}", inline: ok)
        router.add(.post, "/api/wines/scan", inline: ok)
        router.add(.post, "/api/wines/{id}/checkout", inline: ok)
        router.add(.get, "/health", inline: ok)
        return router
    }()

    private func pattern(_ method: HTTPMethod, _ path: String) -> (String, Parameters)? {
        if case .found(_, let parameters, let pattern, _) = router.match(method, path: path) {
            return (pattern, parameters)
        }
        return nil
    }

    @Test func literalAndParameterSegmentsMatch() {
        #expect(pattern(.get, "/api/wines")?.0 == "/api/wines")
        let match = pattern(.get, "/api/wines/42")
        #expect(match?.0 == "/api/wines/{id}")
        #expect(match?.1.get("id") == "42")
        #expect(pattern(.post, "/api/wines/7/checkout")?.1.get("id") == "7")
    }

    @Test func literalSegmentsWinOverParameters() {
        #expect(pattern(.post, "/api/wines/scan")?.0 == "/api/wines/scan")
    }

    @Test func aParameterRouteStillAnswersWhenTheLiteralRouteHasAnotherMethod() {
        #expect(pattern(.get, "/api/wines/scan")?.1.get("id") == "scan")
    }

    @Test func trailingAndDoubleSlashesAreIgnored() {
        #expect(pattern(.get, "/api/wines/")?.0 == "/api/wines")
        #expect(pattern(.get, "//health")?.0 == "/health")
    }

    @Test func wrongMethodGives405WithTheAllowedMethods() {
        guard case .methodNotAllowed(let allowed) = router.match(.delete, path: "/api/wines/1") else {
            Issue.record("expected 405")
            return
        }
        #expect(Set(allowed) == [.get, .put])
    }

    @Test func headFallsBackToGet() {
        #expect(pattern(.head, "/health")?.0 == "/health")
    }

    @Test func unknownPathsAreNotFound() {
        guard case .notFound = router.match(.get, path: "/api/unknown/thing/here") else {
            Issue.record("expected 404")
            return
        }
    }

    @Test func parametersConvertOrFailWith400() throws {
        let parameters = Parameters(["id": "42", "name": "x"])
        #expect(try parameters.require("id", as: Int.self) == 42)
        #expect(throws: HTTPError.self) { try parameters.require("name", as: Int.self) }
        #expect(throws: HTTPError.self) { try parameters.require("missing") }
    }
}
