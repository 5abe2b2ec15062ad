import Foundation
import WineBoxConfig
import WineBoxDomain
import WineBoxSupport
import WineBoxTesting

@testable import WineBoxApp

/// A running application with rate limits off (cellar tests send many requests), an admin account, and that
/// admin's token.
///
/// `configure` may change the configuration first; `secrets` defaults to a signing key only (no Claude key).
func withCellarApplication(
    now: @escaping @Sendable () -> Date = { Date() },
    secrets: Secrets = .forTests,
    configure: (inout AppConfiguration) -> Void = { _ in },
    imageSweepInterval: Duration = .seconds(6 * 3600),
    _ body: (Application, CellarClient) async throws -> Void
) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    var configuration = AppConfiguration.forTests(dataDirectory: directory.file("data"))
    configuration.server.rateLimitEnabled = false
    configuration.server.workers = 4
    configure(&configuration)
    let application = try await Application(
        configuration: configuration, secrets: secrets, logger: .disabled, now: now,
        imageSweepInterval: imageSweepInterval)
    _ = try await application.accounts.createUser(
        email: "owner@example.com", password: "correct horse battery", fullName: "Olivia Owner", role: .admin,
        actor: nil, clientAddress: nil)
    try application.start()
    do {
        let api = APIClient(port: application.port)
        let token = try await api.signIn("owner@example.com", "correct horse battery")
        try await body(application, CellarClient(api: api, token: token))
    } catch {
        await application.shutdown(gracePeriod: .seconds(1))
        throw error
    }
    await application.shutdown(gracePeriod: .seconds(1))
}

/// Sends signed-in requests and decodes the answers.
struct CellarClient {
    let api: APIClient
    let token: String

    func send(_ method: String, _ path: String, json: [String: Any]? = nil, form: String? = nil) async throws
        -> RawHTTPClient.Response
    {
        try await api.send(method, path, json: json, form: form, token: token)
    }

    /// A multipart/form-data request with text fields and files.
    func multipart(
        _ method: String, _ path: String, fields: [(String, String)],
        files: [(field: String, name: String, bytes: [UInt8])] = []
    ) async throws -> RawHTTPClient.Response {
        let boundary = "winebox-test-\(UUID().uuidString)"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Array(
                ("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; "
                    + "filename=\"\(file.name)\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)

        // Multipart requests carry photos, and reading a label takes seconds of CPU: with the whole suite running on
        // two cores, a scan can queue well past the client's usual 10 s.
        return try await RawHTTPClient(port: api.port, timeoutSeconds: 90).request(
            method, path,
            headers: [
                ("Content-Type", "multipart/form-data; boundary=\(boundary)"), ("Authorization", "Bearer \(token)"),
            ],
            body: body)
    }

    /// Checks a wine in with form fields and answers its JSON.
    @discardableResult
    func checkIn(_ fields: [(String, String)]) async throws -> [String: Any] {
        let response = try await multipart("POST", "/api/wines/checkin", fields: fields)
        guard response.status == 201 else {
            throw RawHTTPClient.ClientError("check-in failed with \(response.status): \(response.text)")
        }
        return try response.json()
    }

    func object(_ path: String) async throws -> [String: Any] {
        let response = try await send("GET", path)
        guard response.status == 200 else {
            throw RawHTTPClient.ClientError("GET \(path) failed with \(response.status): \(response.text)")
        }
        return try response.json()
    }

    func array(_ path: String) async throws -> [[String: Any]] {
        let response = try await send("GET", path)
        guard response.status == 200,
            let array = try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]]
        else {
            throw RawHTTPClient.ClientError("GET \(path) failed with \(response.status): \(response.text)")
        }
        return array
    }

    /// The wine's stock as the API reports it.
    func bottles(_ wineID: String) async throws -> Int {
        let wine = try await object("/api/wines/\(wineID)")
        return (wine["inventory"] as? [String: Any])?["quantity"] as? Int ?? -1
    }
}

extension RawHTTPClient.Response {
    /// `detail` of a JSON error body.
    var detail: String {
        ((try? json())?["detail"] as? String) ?? ""
    }
}
