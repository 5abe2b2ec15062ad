import Foundation
import WineBoxDomain
import WineBoxHTTP
import WineBoxServices
import WineBoxWeb

/// `GET /api/images/{filename}`: a stored label photo or its thumbnail, for signed-in members.
///
/// Only names the ``LabelImageStore`` generates are looked up (`<uuid>.jpg|png|webp`, `<uuid>.thumb.jpg`);
/// anything else, and a missing file, answers 404 `Not found`. Responses carry a strong `ETag` (SHA-256 of the
/// content) and `Cache-Control: private, max-age=3600`, and `If-None-Match` answers 304. The file itself gets a
/// locked-down Content-Security-Policy of its own (`default-src 'none'; sandbox`), as uploaded content should.
/// Images have their own rate-limit bucket (``RateLimitMiddleware``), so a page of thumbnails never uses up the
/// API limit.
enum ImageRoutes {
    static let cacheControl = "private, max-age=3600"
    static let contentSecurityPolicy = "default-src 'none'; sandbox"

    static func register(on router: inout Router, images: LabelImageStore) {
        router.add(.get, "/api/images/{filename}") { request, context in
            let notFound = WineBoxError(.notFound, "Not found")
            guard let file = images.file(named: try context.parameters.require("filename")) else {
                throw notFound
            }
            var headers: HTTPHeaders = [
                "ETag": file.etag, "Cache-Control": cacheControl, "Content-Security-Policy": contentSecurityPolicy,
                "Cross-Origin-Resource-Policy": "same-origin",
            ]
            if let candidates = request.headers["If-None-Match"], StaticFiles.matches(candidates, etag: file.etag) {
                return HTTPResponse(status: .notModified, headers: headers)
            }
            // Files are written once under fresh names and never changed, so these bytes are the ones tagged; a
            // file removed since the lookup is simply not found.
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw notFound
            }
            headers.set("Content-Type", file.contentType)
            headers.set("Content-Disposition", "inline; filename=\"\(file.fileName)\"")
            return HTTPResponse(status: .ok, headers: headers, body: [UInt8](data))
        }
    }
}
