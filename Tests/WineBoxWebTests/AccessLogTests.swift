import Foundation
import Testing
import WineBoxHTTP
import WineBoxSupport

@testable import WineBoxWeb

@Suite struct AccessLogTests {
    @Test func oneLinePerRequestWithMethodPathStatusDurationAndBytesButNoQueryValues() async throws {
        let sink = MemoryLogSink()
        let responder = makeResponder(
            middleware: [AccessLogMiddleware()], logger: Logger(level: .info, format: .json, sink: sink)
        ) { router in
            router.add(
                .get, "/api/search", access: .public,
                inline: { _, _ in HTTPResponse(status: .ok, body: Array("12345".utf8)) })
        }
        let request = HTTPRequest(
            method: .get, path: "/api/search", query: [("q", "chateau secret"), ("token", "abc123")])
        let response = await respond(responder, request)

        #expect(sink.lines.count == 1)
        let line = try #require(
            try JSONSerialization.jsonObject(with: Data(sink.lines[0].utf8)) as? [String: String])
        #expect(line["level"] == "info")
        #expect(line["method"] == "GET")
        #expect(line["path"] == "/api/search")
        #expect(line["query"] == "q,token")
        #expect(line["status"] == "200")
        #expect(line["bytes"] == "5")
        #expect(Double(line["duration_ms"] ?? "") != nil)
        #expect(line["request_id"] == response.headers["X-Request-ID"])
        #expect(!sink.lines[0].contains("secret"))
        #expect(!sink.lines[0].contains("abc123"))
    }

    @Test func millisecondsAreFormattedWithThreeDecimals() {
        #expect(AccessLogMiddleware.milliseconds(1234) == "1.234")
        #expect(AccessLogMiddleware.milliseconds(5) == "0.005")
        #expect(AccessLogMiddleware.milliseconds(120_050) == "120.050")
    }
}
