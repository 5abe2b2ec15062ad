import Foundation

/// Any JSON value, decoded without guessing: `true` stays a boolean and `1` a number, so a field of the wrong type
/// can be told apart and dropped on its own.
enum ClaudeJSONValue: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ClaudeJSONValue])
    case object([String: ClaudeJSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let elements = try? container.decode([ClaudeJSONValue].self) {
            self = .array(elements)
        } else {
            self = .object(try container.decode([String: ClaudeJSONValue].self))
        }
    }

    /// The JSON document in `text`, or nil when it is not JSON.
    static func parse(_ text: String) -> ClaudeJSONValue? {
        try? JSONDecoder().decode(ClaudeJSONValue.self, from: Data(text.utf8))
    }
}
