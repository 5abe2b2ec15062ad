import WineBoxHTTP
import WineBoxSupport
import WineBoxWeb

/// `GET /openapi.json`: the OpenAPI 3.1 document of every route. Public: it describes the API and holds no data.
///
/// The document is `Sources/WineBoxApp/Resources/openapi.json`, compiled into the binary by SwiftPM's
/// `embedInCode` rule, so it always describes the routes of the running build and no resource bundle has to be
/// deployed beside the executable. `OpenAPITests` keeps it equal to the router's table. Answers carry a strong
/// `ETag` and `Cache-Control: no-cache`, and a matching `If-None-Match` answers 304, as for static files.
enum OpenAPIRoutes {
    static let path = "/openapi.json"

    /// The document's bytes, exactly as checked in.
    static var document: [UInt8] { PackageResources.openapi_json }

    static func register(on router: inout Router) {
        let body = document
        let etag = "\"" + Hex.encode(Digest.sha256(body).prefix(16)) + "\""
        router.add(
            .get, path, access: .public,
            inline: { request, _ in
                var response: HTTPResponse
                if let candidates = request.headers["If-None-Match"], StaticFiles.matches(candidates, etag: etag) {
                    response = HTTPResponse(status: .notModified)
                } else {
                    response = HTTPResponse.json(encoded: body)
                }
                response.headers.set("ETag", etag)
                response.headers.set("Cache-Control", "no-cache")
                return response
            })
    }
}
