import Foundation
import WineBoxTesting

/// A small JSON client for end-to-end API tests against the real server.
struct APIClient {
    let port: Int

    func send(
        _ method: String, _ path: String, json: [String: Any]? = nil, form: String? = nil, token: String? = nil
    ) async throws -> RawHTTPClient.Response {
        var headers: [(String, String)] = []
        var body: [UInt8] = []
        if let json {
            headers.append(("Content-Type", "application/json"))
            body = [UInt8](try JSONSerialization.data(withJSONObject: json))
        } else if let form {
            headers.append(("Content-Type", "application/x-www-form-urlencoded"))
            body = Array(form.utf8)
        }
        if let token {
            headers.append(("Authorization", "Bearer \(token)"))
        }
        return try await RawHTTPClient(port: port).request(method, path, headers: headers, body: body)
    }

    /// Signs in with JSON and returns the access token.
    func signIn(_ email: String, _ password: String) async throws -> String {
        let response = try await send("POST", "/api/auth/login", json: ["email": email, "password": password])
        guard response.status == 200, let token = try response.json()["access_token"] as? String else {
            throw RawHTTPClient.ClientError("sign-in failed with \(response.status): \(response.text)")
        }
        return token
    }
}
