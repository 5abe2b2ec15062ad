internal import Foundation

/// How the database writes points in time: ISO 8601 in UTC.
enum Timestamp {
    /// Whole seconds, `2024-05-31T12:00:00Z`.
    static func string(from date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// Milliseconds, `2024-05-31T12:00:00.123Z`: for columns that order events recorded within one second. A
    /// column must use one form throughout, since the two forms do not sort together as text.
    static func preciseString(from date: Date) -> String {
        date.formatted(precise)
    }

    /// Reads either form.
    static func date(from string: String) -> Date? {
        if let date = try? Date(string, strategy: .iso8601) {
            return date
        }
        return try? Date(string, strategy: precise)
    }

    static func now() -> String {
        string(from: Date())
    }

    private static let precise = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
