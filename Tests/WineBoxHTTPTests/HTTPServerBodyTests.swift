import Foundation
import Synchronization
import Testing
import WineBoxHTTP
import WineBoxTesting

@Suite("Request bodies over a real loopback server")
struct HTTPServerBodyTests {
    @Test func jsonBodyArrivesIntact() async throws {
        try await withServer(handler: echo) { server in
            let client = try RawHTTPClient(port: server.port)
            let json = #"{"name":"Château Margaux","vintage":2015}"#
            let response = try await client.request(
                "POST", "/api/echo", headers: [("Content-Type", "application/json")], body: Array(json.utf8))
            #expect(response.status == 200)
            #expect(response.text.contains("content-type application/json"))
            #expect(response.text.contains("body \(json)"))
        }
    }

    @Test func urlencodedBodyAndQueryArriveDecodedAndInOrder() async throws {
        try await withServer(handler: echo) { server in
            let client = try RawHTTPClient(port: server.port)
            let response = try await client.request(
                "POST", "/api/auth/token?b=2&a=%C3%A9t%C3%A9&b=3&flag",
                headers: [("Content-Type", "application/x-www-form-urlencoded")],
                body: Array("username=ann%40example.com&password=p%26ss".utf8))
            #expect(response.text.contains("POST /api/auth/token"))
            #expect(response.text.contains("query b=2\nquery a=été\nquery b=3\nquery flag="))
            #expect(response.text.contains("body username=ann%40example.com&password=p%26ss"))
        }
    }

    @Test func multipartFieldsAndFilesAreParsedAndLargeFilesSpillToDisk() async throws {
        var configuration = HTTPServerConfiguration(port: 0)
        configuration.uploadMemoryThreshold = 64 * 1024
        let small = [UInt8](repeating: 7, count: 1000)
        let large = (0..<300_000).map { UInt8($0 % 251) }
        let boundary = "----winebox-test-boundary"
        var body: [UInt8] = []
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nRiesling\r\n".utf8)
        body += Array(
            ("--\(boundary)\r\nContent-Disposition: form-data; name=\"front_label\"; filename=\"front.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").utf8)
        body += small + Array("\r\n".utf8)
        body += Array(
            ("--\(boundary)\r\nContent-Disposition: form-data; name=\"back_label\"; filename=\"back.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").utf8)
        body += large + Array("\r\n--\(boundary)--\r\n".utf8)
        let uploadBody = body

        try await withServer(configuration, handler: echo) { server in
            let client = try RawHTTPClient(port: server.port)
            let response = try await client.request(
                "POST", "/api/wines/checkin", headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")],
                body: uploadBody)
            #expect(response.status == 200)
            #expect(response.text.contains("field name=Riesling"))
            #expect(response.text.contains("file front_label front.jpg 1000 memory 7000"))
            let largeSum = large.reduce(0) { $0 &+ Int($1) }
            #expect(response.text.contains("file back_label back.png 300000 disk \(largeSum)"))
        }
    }

    @Test func spilledUploadsAreDeletedAfterTheResponse() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var configuration = HTTPServerConfiguration(port: 0)
        configuration.uploadMemoryThreshold = 1024
        configuration.temporaryDirectory = directory.path
        let boundary = "b0undary"
        let body =
            Array(
                ("--\(boundary)\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n\r\n").utf8)
            + [UInt8](repeating: 1, count: 10_000) + Array("\r\n--\(boundary)--\r\n".utf8)
        try await withServer(configuration, handler: echo) { server in
            let client = try RawHTTPClient(port: server.port)
            let response = try await client.request(
                "POST", "/upload", headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: body)
            #expect(response.text.contains("file f x.bin 10000 disk"))
            // The request is completed (and its files removed) right after the response is sent.
            for _ in 0..<100 where !(try FileManager.default.contentsOfDirectory(atPath: directory.path)).isEmpty {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        }
    }

    @Test func oversizedContentLengthIsRefusedWith413BeforeTheBodyIsSent() async throws {
        var configuration = HTTPServerConfiguration(port: 0)
        configuration.maxBodyBytes = 1000
        let calls = CallCounter()
        try await withServer(configuration, handler: calls.counting(echo)) { server in
            let client = try RawHTTPClient(port: server.port)
            try await client.send(
                "POST /api/wines/checkin HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n"
                    + "Expect: 100-continue\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.status == 413)
            #expect(response.text.contains("maximum allowed size"))
            #expect(calls.value == 0)
        }
    }

    @Test func chunkedBodyGrowingPastTheLimitGets413() async throws {
        var configuration = HTTPServerConfiguration(port: 0)
        configuration.maxBodyBytes = 1000
        try await withServer(configuration, handler: echo) { server in
            let client = try RawHTTPClient(port: server.port)
            var request = "POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            for _ in 0..<3 {
                request += "200\r\n" + String(repeating: "a", count: 0x200) + "\r\n"
            }
            request += "0\r\n\r\n"
            try await client.send(request)
            let response = try await client.readResponse()
            #expect(response.status == 413)
        }
    }

    @Test func multipartWithoutBoundaryIsRefusedWith400() async throws {
        try await withServer(handler: echo) { server in
            let client = try RawHTTPClient(port: server.port)
            let response = try await client.request(
                "POST", "/upload", headers: [("Content-Type", "multipart/form-data")], body: Array("xyz".utf8))
            #expect(response.status == 400)
        }
    }
}

/// Counts handler calls across threads.
final class CallCounter: Sendable {
    private let count = Mutex(0)

    func increment() {
        count.withLock { $0 += 1 }
    }

    var value: Int { count.withLock { $0 } }

    /// Wraps `handler` so that every call is counted.
    func counting(_ handler: @escaping @Sendable (HTTPRequest) -> HTTPHandlerResult)
        -> @Sendable (HTTPRequest) -> HTTPHandlerResult
    {
        { request in
            self.increment()
            return handler(request)
        }
    }
}
