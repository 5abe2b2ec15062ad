import Foundation

/// One log record, ready to be rendered as a text or JSON line.
struct LogRecord {
    let timestamp: Date
    let level: LogLevel
    let message: String
    let fields: [(String, String)]

    /// `2026-12-03T14:00:00.123Z info    message key=value key2="a value"`.
    func textLine() -> String {
        var line = Self.timestampString(timestamp)
        line += " "
        line += level.description.padding(toLength: 7, withPad: " ", startingAt: 0)
        line += " "
        line += message
        for (key, value) in fields {
            line += " \(key)=\(Self.textValue(value))"
        }
        return line
    }

    /// `{"ts":"…","level":"info","msg":"…","key":"value"}`.
    func jsonLine() -> String {
        var line = "{\"ts\":\"\(Self.timestampString(timestamp))\",\"level\":\"\(level)\",\"msg\":"
        line += Self.jsonString(message)
        for (key, value) in fields {
            line += ",\(Self.jsonString(key)):\(Self.jsonString(value))"
        }
        line += "}"
        return line
    }

    /// RFC 3339 UTC with milliseconds, computed without a formatter (formatters are not Sendable and are slow).
    static func timestampString(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(milliseconds % 1000))
    }

    /// Quotes a value for the text format when it has spaces, quotes, `=` or control characters.
    static func textValue(_ value: String) -> String {
        let needsQuotes =
            value.isEmpty
            || value.unicodeScalars.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.value < 0x20 }
        return needsQuotes ? jsonString(value) : value
    }

    /// A JSON string literal with the required escapes.
    static func jsonString(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let control where control.value < 0x20:
                result += String(format: "\\u%04x", control.value)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        result += "\""
        return result
    }
}
