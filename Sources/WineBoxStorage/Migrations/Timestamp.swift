internal import Foundation

/// The one timestamp format the database stores: ISO 8601 in UTC with second precision, e.g.
/// `2026-12-03T13:56:00Z`. Such strings sort in time order and are readable in the `sqlite3` shell.
enum Timestamp {
    /// `date` as an ISO 8601 UTC string.
    static func string(from date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// Parses a string written by ``string(from:)``; nil if it is not ISO 8601.
    static func date(from string: String) -> Date? {
        try? Date(string, strategy: .iso8601)
    }

    /// The current time as an ISO 8601 UTC string.
    static func now() -> String {
        string(from: Date())
    }
}
