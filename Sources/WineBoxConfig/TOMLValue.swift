/// A TOML value parsed by ``TOMLParser``, detached from the C++ parser and safe to share.
///
/// Integers are 64-bit as in TOML 1.0. Offset and local date-times, local dates and local times are
/// all kept as ``dateTime(_:)`` in their TOML text form (for example `1979-05-27T07:32:00Z`), because
/// no configuration key needs calendar arithmetic.
enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    case dateTime(String)
    case array([TOMLValue])
    case table([String: TOMLValue])

    /// The TOML type name used in error messages: `string`, `integer`, `float`, `boolean`,
    /// `date-time`, `array` or `table`.
    var typeName: String {
        switch self {
        case .string: return "string"
        case .integer: return "integer"
        case .float: return "float"
        case .boolean: return "boolean"
        case .dateTime: return "date-time"
        case .array: return "array"
        case .table: return "table"
        }
    }

    /// The value written as a TOML literal, for example `"WineBox"`, `8000`, `true` or `["a", "b"]`.
    ///
    /// Strings are escaped so that the literal parses back to the same value. Tables use inline
    /// table syntax with keys in sorted order; every key is quoted.
    var literal: String {
        switch self {
        case .string(let text):
            return Self.quoted(text)
        case .integer(let number):
            return String(number)
        case .float(let number):
            if number.isNaN { return "nan" }
            if number.isInfinite { return number < 0 ? "-inf" : "inf" }
            return String(number)
        case .boolean(let flag):
            return flag ? "true" : "false"
        case .dateTime(let text):
            return text
        case .array(let elements):
            return "[" + elements.map(\.literal).joined(separator: ", ") + "]"
        case .table(let entries):
            let parts = entries.keys.sorted().map { key in
                "\(Self.quoted(key)) = \(entries[key, default: .table([:])].literal)"
            }
            return "{ " + parts.joined(separator: ", ") + " }"
        }
    }

    /// Writes `text` as a TOML basic string: quotes, backslashes and control characters are escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\u{08}": result += "\\b"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\u{0C}": result += "\\f"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
