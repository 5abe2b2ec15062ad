import Foundation
public import WineBoxHTTP

extension HTTPRequest {
    /// The decoder behind ``decodeJSON(_:)``: ISO 8601 dates.
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// Decodes a JSON body.
    ///
    /// - Throws: ``HTTPError`` 415 when the body is not `application/json`, 400 when it is empty, not JSON,
    ///   or does not fit `T` (the detail names the offending field).
    public func decodeJSON<T: Decodable>(_ type: T.Type) throws -> T {
        guard mediaType == "application/json" else {
            throw HTTPError(.unsupportedMediaType, "Expected a JSON body (Content-Type: application/json)")
        }
        guard !body.isEmpty else {
            throw HTTPError(.badRequest, "The request body is empty")
        }
        do {
            return try Self.decoder.decode(T.self, from: Data(body))
        } catch let error as DecodingError {
            throw HTTPError(.badRequest, Self.describe(error))
        } catch {
            throw HTTPError(.badRequest, "The request body is not valid JSON")
        }
    }

    /// Decodes a JSON object body that may contain only the fields `T` declares.
    ///
    /// - Throws: like ``decodeJSON(_:)``, and ``HTTPError`` 422 naming the first unknown field, so a client
    ///   cannot slip in fields the server would silently ignore (or, later, wrongly accept).
    public func decodeStrictJSON<T: StrictJSONBody>(_ type: T.Type) throws -> T {
        let value = try decodeJSON(T.self)
        if let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] {
            let known = Set(T.CodingKeys.allCases.map(\.stringValue))
            if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
                throw HTTPError(.unprocessableContent, "Unknown field '\(unknown)'")
            }
        }
        return value
    }

    /// The fields of an `application/x-www-form-urlencoded` body, in order; `+` means a space.
    ///
    /// - Throws: ``HTTPError`` 415 for any other content type, 400 when the body is not valid UTF-8 or has
    ///   a broken percent escape.
    public func formFields() throws -> [(name: String, value: String)] {
        guard mediaType == "application/x-www-form-urlencoded" else {
            throw HTTPError(.unsupportedMediaType, "Expected a form body (application/x-www-form-urlencoded)")
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw HTTPError(.badRequest, "The form body is not valid UTF-8")
        }
        return try text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.formDecode(parts[0])
            let value = parts.count > 1 ? try Self.formDecode(parts[1]) : ""
            return (name, value)
        }
    }

    private static func formDecode(_ component: Substring) throws -> String {
        let spaced = component.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else {
            throw HTTPError(.badRequest, "The form body has an invalid percent escape")
        }
        return decoded
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let joined = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return joined.isEmpty ? "the body" : "'\(joined)'"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "Missing field \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "Invalid value for \(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "The request body is not valid JSON" : "Invalid value for \(path(context.codingPath))"
        @unknown default:
            return "The request body does not match the expected shape"
        }
    }
}
