import Foundation
import Synchronization
public import WineBoxHTTP
import WineBoxSupport

/// Serves the web interface's files from a folder (`Public/`).
///
/// - Only GET and HEAD; paths with `..`, backslashes, NUL or hidden (dot) segments are refused, and the
///   resolved file must lie inside the folder even through symbolic links.
/// - `/` and folders serve their `index.html`.
/// - Each response has a content type by extension, a strong ETag (SHA-256 of the content), and
///   `Cache-Control: no-cache`, so browsers revalidate and get 304 when nothing changed.
/// - Files are cached in memory after the first read and re-read when their size or modification time change.
///   Files over ``maxCachedFileBytes`` are not cached.
public final class StaticFiles: Sendable {
    /// Files larger than this (1 MiB) are read from disk every time.
    public static let maxCachedFileBytes = 1024 * 1024

    struct CachedFile: Sendable {
        let body: [UInt8]
        let etag: String
        let contentType: String
        let modified: Date
        let size: Int
    }

    /// The folder, fully resolved.
    public let rootPath: String
    private let cache = Mutex<[String: CachedFile]>([:])

    /// - Parameter directory: the folder to serve. Returns nil when it does not exist.
    public init?(directory: String) {
        let resolved = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        rootPath = resolved
    }

    /// The response for `request`, or nil when no file answers it (the caller then answers 404).
    public func response(for request: HTTPRequest) -> HTTPResponse? {
        guard request.method == .get || request.method == .head, let file = file(forPath: request.path) else {
            return nil
        }
        var headers: HTTPHeaders = [
            "Content-Type": file.contentType, "ETag": file.etag, "Cache-Control": "no-cache",
        ]
        if let candidates = request.headers["If-None-Match"], Self.matches(candidates, etag: file.etag) {
            headers.remove("Content-Type")
            return HTTPResponse(status: .notModified, headers: headers)
        }
        return HTTPResponse(status: .ok, headers: headers, body: file.body)
    }

    /// Looks up and reads the file for a request path; nil when missing or refused.
    func file(forPath requestPath: String) -> CachedFile? {
        guard let relative = Self.safeRelativePath(requestPath) else {
            return nil
        }
        var candidate = rootPath + "/" + relative
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) else {
            return nil
        }
        if isDirectory.boolValue {
            candidate += candidate.hasSuffix("/") ? "index.html" : "/index.html"
        }
        let resolved = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
        guard resolved.hasPrefix(rootPath + "/"),
            let attributes = try? FileManager.default.attributesOfItem(atPath: resolved),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let size = (attributes[.size] as? NSNumber)?.intValue,
            let modified = attributes[.modificationDate] as? Date
        else {
            return nil
        }
        if let cached = cache.withLock({ $0[resolved] }), cached.size == size, cached.modified == modified {
            return cached
        }
        guard let data = FileManager.default.contents(atPath: resolved) else {
            return nil
        }
        let body = [UInt8](data)
        let file = CachedFile(
            body: body, etag: "\"" + Hex.encode(Digest.sha256(body).prefix(16)) + "\"",
            contentType: MediaTypes.contentType(forFileName: resolved), modified: modified, size: size)
        if size <= Self.maxCachedFileBytes {
            cache.withLock { $0[resolved] = file }
        }
        return file
    }

    /// The request path as a path relative to the root, or nil when it could escape the root or is hidden.
    static func safeRelativePath(_ path: String) -> String? {
        guard !path.contains("\0"), !path.contains("\\") else {
            return nil
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        for segment in segments where segment.hasPrefix(".") {
            return nil
        }
        return segments.joined(separator: "/")
    }

    /// Whether an `If-None-Match` header value names `etag` (or is `*`). Also used for other cached responses.
    public static func matches(_ header: String, etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let trimmed = candidate.trimmingCharacters(in: .whitespaces)
            return trimmed == "*" || trimmed == etag || trimmed == "W/" + etag
        }
    }
}
