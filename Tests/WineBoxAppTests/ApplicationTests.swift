import Foundation
import Testing
import WineBoxApp
import WineBoxConfig
import WineBoxSupport
import WineBoxTesting

/// Starts the real application (database, router, server) on an ephemeral port with a temporary data directory.
func withApplication(
    publicDirectory: String? = nil, _ body: (Application, TemporaryDirectory) async throws -> Void
) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    var configuration = AppConfiguration.forTests(dataDirectory: directory.file("data"))
    configuration.server.publicDirectory = publicDirectory ?? directory.file("no-public")
    let application = try await Application(configuration: configuration, secrets: .forTests, logger: .disabled)
    try application.start()
    do {
        try await body(application, directory)
    } catch {
        await application.shutdown(gracePeriod: .seconds(1))
        throw error
    }
    await application.shutdown(gracePeriod: .seconds(1))
}

extension AppConfiguration {
    /// Port 0, two workers, the given data directory, and cheap Argon2 so tests stay fast.
    static func forTests(dataDirectory: String) -> AppConfiguration {
        var configuration = AppConfiguration()
        configuration.server.port = 0
        configuration.server.workers = 2
        configuration.storage.dataDirectory = dataDirectory
        configuration.auth.argon2MemoryKiB = 19_456
        configuration.auth.argon2Iterations = 2
        return configuration
    }
}

extension Secrets {
    static let forTests = Secrets(secretKey: "test-signing-key-0123456789abcdefghijklmnopqrstuvwxyz")
}

@Suite struct ApplicationTests {
    @Test func healthAnswersTheContractShapeWithoutAuthentication() async throws {
        try await withApplication { application, _ in
            let response = try await RawHTTPClient(port: application.port).request("GET", "/health")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            let body = try response.json()
            #expect(body["status"] as? String == "healthy")
            #expect(body["version"] as? String == WineBoxVersion.current)
            #expect(body["app_name"] as? String == "WineBox")
            #expect(response.header("X-Request-ID")?.count == 16)
            #expect(response.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
        }
    }

    @Test func unknownRoutesAndWrongMethodsGetJSONErrors() async throws {
        try await withApplication { application, _ in
            let client = try RawHTTPClient(port: application.port)
            let missing = try await client.request("GET", "/api/does-not-exist")
            #expect(missing.status == 404)
            #expect(try missing.json()["detail"] as? String == "Not Found")
            let wrongMethod = try await client.request("DELETE", "/health")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.header("Allow") == "GET")
        }
    }

    @Test func oversizedUploadsGetAJSON413WithTheRequestID() async throws {
        try await withApplication { application, _ in
            let client = try RawHTTPClient(port: application.port)
            try await client.send("POST /api/wines/checkin HTTP/1.1\r\nHost: x\r\nContent-Length: 20000000\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.status == 413)
            let body = try response.json()
            #expect((body["detail"] as? String)?.contains("maximum allowed size") == true)
            #expect(body["request_id"] as? String == response.header("X-Request-ID"))
        }
    }

    @Test func staticFilesAreServedFromThePublicFolder() async throws {
        let publicFolder = try TemporaryDirectory()
        defer { publicFolder.remove() }
        try publicFolder.write("<!doctype html><title>WineBox</title>", to: "index.html")
        try await withApplication(publicDirectory: publicFolder.path) { application, _ in
            let client = try RawHTTPClient(port: application.port)
            let page = try await client.request("GET", "/")
            #expect(page.status == 200)
            #expect(page.text.contains("<title>WineBox</title>"))
            let etag = try #require(page.header("ETag"))
            #expect(try await client.request("GET", "/", headers: [("If-None-Match", etag)]).status == 304)
            #expect(try await client.request("GET", "/../../etc/passwd").status == 404)
        }
    }

    @Test func theDatabaseIsCreatedInTheDataDirectoryAndSurvivesARestart() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configuration = AppConfiguration.forTests(dataDirectory: directory.file("nested/data"))
        for _ in 0..<2 {
            let application = try await Application(configuration: configuration, secrets: .forTests, logger: .disabled)
            try application.start()
            #expect(try await RawHTTPClient(port: application.port).request("GET", "/health").status == 200)
            await application.shutdown(gracePeriod: .seconds(1))
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.file("nested/data"))
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        #expect(FileManager.default.fileExists(atPath: directory.file("nested/data/winebox.sqlite3")))
    }

    @Test func anUnwritableDataDirectoryIsAClearStartUpError() async throws {
        let configuration = AppConfiguration.forTests(dataDirectory: "/proc/winebox-cannot-exist")
        await #expect(throws: ApplicationError.self) {
            try await Application(configuration: configuration, secrets: .forTests, logger: .disabled)
        }
    }
}
