import WineBoxHTTP
import WineBoxWeb

/// `GET /health`: whether the server is up, and which version it runs. Needs no authentication.
enum HealthRoutes {
    struct Health: Encodable {
        let status: String
        let version: String
        let appName: String

        enum CodingKeys: String, CodingKey {
            case status
            case version
            case appName = "app_name"
        }
    }

    static func register(on router: inout Router, appName: String, version: String) {
        // The answer never changes while the process runs: encode it once.
        let body = HTTPResponse.json(Health(status: "healthy", version: version, appName: appName)).body
        router.add(
            .get, "/health", access: .public,
            inline: { _, _ in
                var response = HTTPResponse.json(encoded: body)
                response.headers.set("Cache-Control", "no-store")
                return response
            })
    }
}
