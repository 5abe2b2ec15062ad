import Foundation

/// The UTC timestamps mail needs, formatted without a formatter (formatters are neither Sendable nor cheap).
enum MailTimestamp {
    private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNames = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// The RFC 5322 `Date:` form in UTC: `Wed, 03 Dec 2026 14:00:00 +0000`.
    static func rfc5322(_ date: Date) -> String {
        let parts = utcParts(date)
        let day = String(format: "%02d", Int(parts.tm_mday))
        let time = String(format: "%02d:%02d:%02d", Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
        return "\(dayNames[Int(parts.tm_wday)]), \(day) \(monthNames[Int(parts.tm_mon)]) \(Int(parts.tm_year) + 1900) "
            + "\(time) +0000"
    }

    /// The AWS Signature Version 4 form (ISO 8601 basic): `20261203T140000Z`.
    static func amzDate(_ date: Date) -> String {
        let parts = utcParts(date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    private static func utcParts(_ date: Date) -> tm {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return parts
    }
}
