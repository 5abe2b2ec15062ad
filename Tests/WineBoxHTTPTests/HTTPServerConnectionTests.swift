import Foundation
import Synchronization
import Testing
import WineBoxHTTP
import WineBoxSupport
import WineBoxTesting

@Suite("Connections, malformed input and shutdown over a real loopback server")
struct HTTPServerConnectionTests {
    @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
        try await withServer(handler: echo) { server in
            let client = try RawHTTPClient(port: server.port)
            for index in 0..<5 {
                let response = try await client.request("GET", "/ping/\(index)")
                #expect(response.status == 200)
                #expect(response.text.hasPrefix("GET /ping/\(index)"))
            }
        }
    }

    @Test func deferredHandlersAnswerFromASwiftTask() async throws {
        let slow: @Sendable (HTTPRequest) -> HTTPHandlerResult = { request in
            .deferred {
                try? await Task.sleep(for: .milliseconds(50))
                return HTTPResponse(status: .created, headers: ["X-Path": request.path])
            }
        }
        try await withServer(handler: slow) { server in
            let client = try RawHTTPClient(port: server.port)
            for _ in 0..<3 {
                let response = try await client.request("GET", "/slow")
                #expect(response.status == 201)
                #expect(response.header("X-Path") == "/slow")
            }
            #expect(server.inFlightCount == 0)
        }
    }

    @Test(arguments: [
        "GARBAGE\r\n\r\n",
        "GET /path HTTP/9.9\r\nHost: x\r\n\r\n",
        "GET /path HTTP/1.1\r\nHost x\r\nBad Header Line\r\n\r\n",
        "GET /path HTTP/1.1\r\nHost: x\r\nContent-Length: -4\r\n\r\n",
        "GET /path HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello",
        "POST /path HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n",
        "\u{0}\u{1}\u{2}\r\n\r\n",
    ])
    func malformedRequestsAreAnsweredOrClosedAndTheServerKeepsWorking(raw: String) async throws {
        try await withServer(handler: echo) { server in
            let client = try RawHTTPClient(port: server.port, timeoutSeconds: 5)
            try await client.send(raw)
            if let response = try? await client.readResponse() {
                #expect((400..<600).contains(response.status) || response.status == 200)
            }
            let healthy = try RawHTTPClient(port: server.port)
            #expect(try await healthy.request("GET", "/after").status == 200)
        }
    }

    @Test func truncatedChunkedBodyFollowedByCloseDoesNotReachTheHandler() async throws {
        let calls = CallCounter()
        try await withServer(handler: calls.counting(echo)) { server in
            do {
                let client = try RawHTTPClient(port: server.port)
                try await client.send(
                    "POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n100\r\nabc")
            }
            try await Task.sleep(for: .milliseconds(100))
            let healthy = try RawHTTPClient(port: server.port)
            #expect(try await healthy.request("GET", "/after").status == 200)
            #expect(calls.value == 1)
        }
    }

    @Test func headersUpToEightKiBAreAcceptedAndHugeOnesRefusedWith431() async throws {
        try await withServer(handler: echo) { server in
            let big = String(repeating: "a", count: 8 * 1024)
            let accepted = try await RawHTTPClient(port: server.port).request("GET", "/x", headers: [("X-Big", big)])
            #expect(accepted.status == 200)
            let huge = String(repeating: "a", count: 32 * 1024)
            let refused = try await RawHTTPClient(port: server.port).request("GET", "/x", headers: [("X-Big", huge)])
            #expect(refused.status == 431)
        }
    }

    @Test func connectionsBeyondThePerAddressLimitAreRefused() async throws {
        var configuration = HTTPServerConfiguration(port: 0)
        configuration.maxConnectionsPerIP = 2
        try await withServer(configuration, handler: echo) { server in
            let first = try RawHTTPClient(port: server.port)
            let second = try RawHTTPClient(port: server.port)
            #expect(try await first.request("GET", "/one").status == 200)
            #expect(try await second.request("GET", "/two").status == 200)
            let third = try RawHTTPClient(port: server.port, timeoutSeconds: 5)
            try? await third.send("GET /three HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await third.isClosedByServer())
        }
    }

    @Test func idleConnectionsAreClosedAfterTheTimeout() async throws {
        var configuration = HTTPServerConfiguration(port: 0)
        configuration.connectionTimeoutSeconds = 1
        try await withServer(configuration, handler: echo) { server in
            let client = try RawHTTPClient(port: server.port, timeoutSeconds: 5)
            #expect(try await client.request("GET", "/first").status == 200)
            try await Task.sleep(for: .milliseconds(2500))
            #expect(await client.isClosedByServer())
        }
    }

    @Test func shutdownFinishesTheRequestInFlightAndStopsAcceptingConnections() async throws {
        let started = Mutex(false)
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(port: 0),
            handler: ClosureHandler { _ in
                .deferred {
                    started.withLock { $0 = true }
                    try? await Task.sleep(for: .milliseconds(500))
                    return HTTPResponse(status: .ok, body: Array("finished".utf8))
                }
            }, logger: .disabled)
        try server.start()
        let port = server.port

        let inFlight = Task.detached {
            let client = try RawHTTPClient(port: port)
            return try await client.request("GET", "/slow")
        }
        while !started.withLock({ $0 }) {
            try await Task.sleep(for: .milliseconds(10))
        }
        await server.shutdown(gracePeriod: .seconds(5))

        let response = try await inFlight.value
        #expect(response.status == 200)
        #expect(response.text == "finished")
        #expect(response.header("Connection")?.lowercased() == "close")
        await #expect(throws: (any Error).self) { try await RawHTTPClient(port: port).request("GET", "/late") }
    }

    @Test func shutdownAnswers503WhenAHandlerOutlivesTheGracePeriod() async throws {
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(port: 0),
            handler: ClosureHandler { _ in
                .deferred {
                    try? await Task.sleep(for: .seconds(30))
                    return HTTPResponse(status: .ok)
                }
            }, logger: .disabled)
        try server.start()
        let port = server.port
        let inFlight = Task.detached {
            try await RawHTTPClient(port: port).request("GET", "/stuck")
        }
        while server.inFlightCount == 0 {
            try await Task.sleep(for: .milliseconds(10))
        }
        await server.shutdown(gracePeriod: .milliseconds(200))
        #expect(try await inFlight.value.status == 503)
    }

    @Test func aClientThatLeavesDuringADeferredRequestIsNoLongerCountedInFlight() async throws {
        let slow: @Sendable (HTTPRequest) -> HTTPHandlerResult = { _ in
            .deferred {
                try? await Task.sleep(for: .milliseconds(200))
                return HTTPResponse(status: .ok)
            }
        }
        try await withServer(handler: slow) { server in
            do {
                let client = try RawHTTPClient(port: server.port)
                try await client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
                while server.inFlightCount == 0 {
                    try await Task.sleep(for: .milliseconds(5))
                }
            }
            for _ in 0..<100 where server.inFlightCount > 0 {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(server.inFlightCount == 0)
        }
    }

    @Test func startingTwiceOrOnABusyPortFailsWithAClearError() async throws {
        try await withServer(handler: echo) { server in
            #expect(throws: HTTPServerError.self) { try server.start() }
            let clash = HTTPServer(
                configuration: HTTPServerConfiguration(host: "127.0.0.1", port: server.port),
                handler: ClosureHandler(body: echo), logger: .disabled)
            #expect(throws: HTTPServerError.self) { try clash.start() }
        }
        let invalid = HTTPServer(
            configuration: HTTPServerConfiguration(host: "not-an-address", port: 0),
            handler: ClosureHandler(body: echo), logger: .disabled)
        #expect(throws: HTTPServerError.self) { try invalid.start() }
    }
}
