public import Foundation

/// Shared checks for user-entered fields. Errors name the API field so a person can fix it.
public enum FieldRules {
    /// `value` trimmed, nil when absent or empty.
    ///
    /// - Throws: ``WineBoxError`` `.invalidInput` when longer than `limit` characters.
    public static func optionalText(_ value: String?, field: String, limit: Int) throws -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            return nil
        }
        try checkLength(trimmed, field: field, limit: limit)
        return trimmed
    }

    /// Counts Unicode scalars, as SQLite's `length()` does in the schema's CHECK constraints, so text that passes
    /// here always fits the column (a character with combining marks counts as several).
    public static func checkLength(_ value: String, field: String, limit: Int) throws {
        guard value.unicodeScalars.count <= limit else {
            throw WineBoxError(.invalidInput, "\(field) must be at most \(limit) characters")
        }
    }

    public static func checkRange(_ value: Int?, field: String, range: ClosedRange<Int>) throws {
        if let value, !range.contains(value) {
            throw WineBoxError(
                .invalidInput, "\(field) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
    }

    /// A calendar date `YYYY-MM-DD` (a full ISO 8601 timestamp is cut to its date).
    ///
    /// - Throws: ``WineBoxError`` `.invalidInput` when it is not a real date.
    public static func calendarDate(_ value: String?, field: String) throws -> String? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return nil
        }
        let day = String(text.prefix(10))
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard day.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
            let dayOfMonth = Int(parts[2]), (1000...9999).contains(year),
            DateComponents(calendar: utcCalendar, year: year, month: month, day: dayOfMonth).isValidDate
        else {
            throw WineBoxError(.invalidInput, "\(field) must be a date such as 2024-05-31")
        }
        if text.count > 10, instant(text) == nil {
            throw WineBoxError(.invalidInput, "\(field) must be a date such as 2024-05-31")
        }
        return day
    }

    /// A point in time: an ISO 8601 timestamp, or a date `YYYY-MM-DD` meaning midnight UTC.
    public static func instant(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: .iso8601) {
            return date
        }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        if trimmed.count == 10, let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle().year().month().day())
        {
            return date
        }
        return nil
    }

    /// A three-letter currency code in upper case (`EUR`, `usd` → `USD`).
    public static func currency(_ value: String?, field: String = "currency") throws -> String? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return nil
        }
        let code = text.uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw WineBoxError(.invalidInput, "\(field) must be a three-letter currency code such as EUR")
        }
        return code
    }

    /// A lower-case UUID, or nil when `text` is not one.
    public static func uuid(_ text: String) -> String? {
        UUID(uuidString: text).map { $0.uuidString.lowercased() }
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
