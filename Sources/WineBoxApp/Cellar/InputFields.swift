import Foundation
import WineBoxDomain
import WineBoxHTTP
import WineBoxSupport
import WineBoxWeb

/// The named scalar values of a request: form fields (urlencoded or multipart), a flat JSON object, or the query
/// string, read with one set of checked accessors.
///
/// Every accessor names the field in its error (422), so the person can fix exactly that field. A field given
/// twice is refused rather than guessed at. JSON `null` counts as "given, empty" (see ``isCleared(_:)``).
struct InputFields {
    private var values: [String: String] = [:]
    private var cleared: Set<String> = []
    /// Values of ``structuredFields`` sent as JSON objects or arrays.
    private var structured: [String: JSONValue] = [:]

    /// The only fields a JSON body may send as an object: every other field is one value.
    static let structuredFields: Set<String> = ["custom_fields"]
    private(set) var files: [UploadedFile] = []

    /// Reads the body: multipart form, urlencoded form or a JSON object. An empty body gives no fields.
    ///
    /// - Throws: ``WineBoxError`` 422 for duplicate fields or nested JSON values; ``HTTPError`` 415 for other
    ///   content types and 400 for malformed bodies.
    init(body request: HTTPRequest) throws {
        if let multipart = request.multipart {
            try add(multipart.fields)
            files = multipart.files
            for file in files where values[file.fieldName] != nil {
                throw WineBoxError(.invalidInput, "Field '\(file.fieldName)' is given more than once")
            }
            return
        }
        if request.body.isEmpty {
            return
        }
        switch request.mediaType {
        case "application/json":
            try addJSON(request.body)
        case "application/x-www-form-urlencoded":
            try add(try request.formFields())
        default:
            throw HTTPError(
                .unsupportedMediaType, "Expected a form (multipart or urlencoded) or a JSON object as the body")
        }
    }

    /// Reads the query string.
    init(query request: HTTPRequest) throws {
        try add(request.query)
    }

    private mutating func add(_ fields: [(name: String, value: String)]) throws {
        for field in fields {
            guard values.updateValue(field.value, forKey: field.name) == nil else {
                throw WineBoxError(.invalidInput, "Field '\(field.name)' is given more than once")
            }
        }
    }

    private mutating func addJSON(_ body: [UInt8]) throws {
        guard let object = (try? JSONValue.parse(body))?.object else {
            throw HTTPError(.badRequest, "The request body is not a JSON object")
        }
        for (name, value) in object {
            switch value {
            case .null: cleared.insert(name)
            case .bool, .number: values[name] = value.description
            case .string(let text): values[name] = text
            case .array, .object:
                guard Self.structuredFields.contains(name) else {
                    throw WineBoxError(.invalidInput, "Field '\(name)' must be a single value")
                }
                structured[name] = value
            }
        }
    }

    /// The names given (values, nulls and files).
    var names: Set<String> {
        Set(values.keys).union(cleared).union(structured.keys).union(files.map(\.fieldName))
    }

    /// - Throws: ``WineBoxError`` 422 naming the first field (alphabetically) not in `allowed`.
    func rejectUnknown(allowed: Set<String>) throws {
        if let unknown = names.subtracting(allowed).sorted().first {
            throw WineBoxError(.invalidInput, "Unknown field '\(unknown)'")
        }
    }

    func has(_ name: String) -> Bool { values[name] != nil || cleared.contains(name) || structured[name] != nil }

    /// True when the field was sent as JSON null or as an empty string: the caller wants it cleared.
    func isCleared(_ name: String) -> Bool {
        cleared.contains(name) || values[name]?.trimmingCharacters(in: .whitespacesAndNewlines) == ""
    }

    func file(_ name: String) -> UploadedFile? {
        files.first { $0.fieldName == name && $0.size > 0 }
    }

    /// A JSON object of names and values: sent as an object in a JSON body, or as the text of one in any body.
    /// Values that are numbers or booleans become their text; nil values are left out. Nil when the field is
    /// absent; empty when it is blank or null.
    ///
    /// - Throws: ``WineBoxError`` 400 when the text is not a JSON object or a value is an array or an object; 422
    ///   when the text is longer than `limit` characters.
    func stringMap(_ name: String, limit: Int) throws -> [String: String]? {
        guard has(name) else { return nil }
        let object: [String: JSONValue]
        if let value = structured[name] {
            guard let members = value.object else {
                throw WineBoxError(.badRequest, "Invalid \(name) JSON: expected an object")
            }
            object = members
        } else {
            guard let text = try text(name, limit: limit) else { return [:] }
            guard let members = JSONValue.parse(text)?.object else {
                throw WineBoxError(.badRequest, "Invalid \(name) JSON: expected an object of names and values")
            }
            object = members
        }
        var map: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case .null: continue
            case .string(let text): map[key] = text
            case .bool, .number: map[key] = value.description
            case .array, .object:
                throw WineBoxError(.badRequest, "Invalid \(name) JSON: the value of '\(key.prefix(100))' is not text")
            }
        }
        return map
    }

    /// The trimmed text, nil when absent or blank.
    func text(_ name: String, limit: Int) throws -> String? {
        try FieldRules.optionalText(values[name], field: name, limit: limit)
    }

    /// A whole number in `range`, nil when absent or blank.
    func integer(_ name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let text = try text(name, limit: 40) else { return nil }
        guard let value = Int(text) ?? Double(text).flatMap(Self.wholeNumber), range.contains(value) else {
            throw WineBoxError(
                .invalidInput, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A finite number in `range`, nil when absent or blank.
    func number(_ name: String, range: ClosedRange<Double>) throws -> Double? {
        guard let text = try text(name, limit: 40) else { return nil }
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw WineBoxError(
                .invalidInput,
                "\(name) must be a number from \(Self.show(range.lowerBound)) to "
                    + Self.show(range.upperBound))
        }
        return value
    }

    /// `true`/`false` (also `1`/`0`, `yes`/`no`), nil when absent or blank.
    func boolean(_ name: String) throws -> Bool? {
        guard let text = try text(name, limit: 10)?.lowercased() else { return nil }
        switch text {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw WineBoxError(.invalidInput, "\(name) must be true or false")
        }
    }

    /// A point in time (ISO 8601 timestamp, or a date meaning midnight UTC), nil when absent or blank.
    func instant(_ name: String) throws -> Date? {
        guard let text = try text(name, limit: 40) else { return nil }
        guard let date = FieldRules.instant(text) else {
            throw WineBoxError(.invalidInput, "\(name) must be a date (2024-05-31) or an ISO 8601 date and time")
        }
        return date
    }

    /// A date `YYYY-MM-DD`, nil when absent or blank.
    func calendarDate(_ name: String) throws -> String? {
        try FieldRules.calendarDate(values[name], field: name)
    }

    /// A value of a closed set read with `parse`, nil when absent or blank.
    func choice<T>(_ name: String, _ parse: (String) -> T?, expected: String) throws -> T? {
        guard let text = try text(name, limit: 40) else { return nil }
        guard let value = parse(text) else {
            throw WineBoxError(.invalidInput, "\(name) must be one of: \(expected)")
        }
        return value
    }

    private static func wholeNumber(_ value: Double) -> Int? {
        value.isFinite && value.rounded() == value && abs(value) < 1e15 ? Int(value) : nil
    }

    private static func show(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
