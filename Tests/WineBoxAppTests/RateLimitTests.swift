import Foundation
import Testing
import WineBoxConfig
import WineBoxSupport
import WineBoxTesting

@testable import WineBoxApp

@Suite struct RateLimitTests {
    private func withApplication(
        trustedProxies: [String] = [], instant: ManualInstant, _ body: (APIClient) async throws -> Void
    ) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var configuration = AppConfiguration.forTests(dataDirectory: directory.file("data"))
        configuration.server.rateLimitPerMinute = 5
        configuration.server.trustedProxies = trustedProxies
        let application = try await Application(
            configuration: configuration, secrets: .forTests, logger: .disabled, instant: { instant.now })
        try application.start()
        do {
            try await body(APIClient(port: application.port))
        } catch {
            await application.shutdown(gracePeriod: .seconds(1))
            throw error
        }
        await application.shutdown(gracePeriod: .seconds(1))
    }

    @Test func theAPILimitAnswers429WithRetryAfterAndRecoversAfterAMinute() async throws {
        let instant = ManualInstant()
        try await withApplication(instant: instant) { api in
            for _ in 0..<5 {
                #expect(try await api.send("GET", "/api/auth/me").status == 401)
            }
            let limited = try await api.send("GET", "/api/auth/me")
            #expect(limited.status == 429)
            #expect(Int(limited.header("Retry-After") ?? "").map { (1...60).contains($0) } == true)
            #expect((try limited.json()["detail"] as? String)?.contains("Too many requests") == true)
            #expect(limited.header("Content-Security-Policy") != nil)
            #expect(try await api.send("GET", "/health").status == 200)
            instant.advance(by: .seconds(61))
            #expect(try await api.send("GET", "/api/auth/me").status == 401)
        }
    }

    @Test func imagesHaveTheirOwnBucketAndDoNotUseUpTheAPILimit() async throws {
        try await withApplication(instant: ManualInstant()) { api in
            for _ in 0..<20 {
                let image = try await api.send("GET", "/api/images/0f8e4c2a-93b1-4d7e-8a6f-1c2d3e4f5a6b.thumb.jpg")
                #expect(image.status == 401)
            }
            for _ in 0..<5 {
                #expect(try await api.send("GET", "/api/auth/me").status == 401)
            }
            #expect(try await api.send("GET", "/api/auth/me").status == 429)
            #expect(try await api.send("GET", "/api/images/0f8e4c2a-93b1-4d7e-8a6f-1c2d3e4f5a6b.jpg").status == 401)
        }
    }

    @Test func forwardedForIsBelievedOnlyFromTrustedProxies() async throws {
        let forwarded: (String) -> [(String, String)] = { [("X-Forwarded-For", $0)] }
        try await withApplication(trustedProxies: ["127.0.0.1"], instant: ManualInstant()) { api in
            for _ in 0..<5 {
                _ = try await RawHTTPClient(port: api.port).request(
                    "GET", "/api/auth/me", headers: forwarded("203.0.113.5"))
            }
            let first = try await RawHTTPClient(port: api.port).request(
                "GET", "/api/auth/me", headers: forwarded("203.0.113.5"))
            #expect(first.status == 429)
            let second = try await RawHTTPClient(port: api.port).request(
                "GET", "/api/auth/me", headers: forwarded("203.0.113.6"))
            #expect(second.status == 401)
        }
        try await withApplication(instant: ManualInstant()) { api in
            for index in 0..<5 {
                _ = try await RawHTTPClient(port: api.port).request(
                    "GET", "/api/auth/me", headers: forwarded("198.51.100.\(index)"))
            }
            let spoofed = try await RawHTTPClient(port: api.port).request(
                "GET", "/api/auth/me", headers: forwarded("198.51.100.99"))
            #expect(spoofed.status == 429)
        }
    }
}
