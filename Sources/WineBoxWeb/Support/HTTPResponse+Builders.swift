import Foundation
public import WineBoxHTTP
public import WineBoxSupport

extension HTTPResponse {
    /// The encoder behind ``json(_:status:)``: ISO 8601 dates, sorted keys, slashes unescaped.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// A JSON response with `Content-Type: application/json; charset=utf-8`.
    ///
    /// Encoding our own response types cannot fail; if it ever does, the failure is a bug and traps in debug
    /// builds, and answers 500 in release builds.
    public static func json(_ value: some Encodable, status: HTTPStatus = .ok) -> HTTPResponse {
        do {
            return json(encoded: [UInt8](try encoder.encode(value)), status: status)
        } catch {
            assertionFailure("Could not encode a \(type(of: value)) response: \(error)")
            return json(encoded: Array(#"{"detail":"Internal server error"}"#.utf8), status: .internalServerError)
        }
    }

    /// A JSON response from bytes that are already JSON (for bodies encoded once and reused).
    public static func json(encoded bytes: [UInt8], status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json; charset=utf-8"], body: bytes)
    }

    /// An empty 204 response.
    public static var noContent: HTTPResponse {
        HTTPResponse(status: .noContent)
    }
}

extension HTTPResponse {
    /// A JSON response written by a ``JSONWritable`` value (faster than `JSONEncoder` on hot paths).
    public static func json(writing value: some JSONWritable, status: HTTPStatus = .ok) -> HTTPResponse {
        var writer = JSONWriter()
        value.write(to: &writer)
        return json(encoded: writer.bytes, status: status)
    }

    /// A JSON array response of `items`.
    public static func json(writingArray items: [some JSONWritable], status: HTTPStatus = .ok) -> HTTPResponse {
        var writer = JSONWriter(capacity: 1024 * max(1, items.count))
        writer.array(items) { json, item in json.value(item) }
        return json(encoded: writer.bytes, status: status)
    }
}
