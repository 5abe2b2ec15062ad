import Foundation

/// A complete HTTP request as the server received it. A value: safe to pass between threads and tasks.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The path, percent-decoded, without the query (`/api/wines/42`).
    public var path: String
    /// Query parameters, percent-decoded, in order; a name may repeat. `?flag` gives `("flag", "")`.
    public var query: [(name: String, value: String)]
    public var headers: HTTPHeaders
    /// The raw body; empty for `multipart/form-data`, whose parts are in ``multipart``.
    public var body: [UInt8]
    /// The parts of a `multipart/form-data` body.
    public var multipart: MultipartForm?
    /// The numeric address of the peer that opened the connection.
    public var remoteAddress: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    public var version: String

    public init(
        method: HTTPMethod, path: String, query: [(name: String, value: String)] = [], headers: HTTPHeaders = [:],
        body: [UInt8] = [], multipart: MultipartForm? = nil, remoteAddress: String = "", version: String = "HTTP/1.1"
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.multipart = multipart
        self.remoteAddress = remoteAddress
        self.version = version
    }

    /// The first query value called `name`.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// The media type of the body without parameters, lower-cased (`application/json`).
    public var mediaType: String? {
        guard let contentType = headers["Content-Type"] else {
            return nil
        }
        let type = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return type.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
