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

    /// Reads either form. The two forms WineBox writes are parsed by hand (every row read has timestamps, and
    /// Foundation's parser was a measurable share of a request); anything else goes to Foundation.
    static func date(from string: String) -> Date? {
        if let date = fastDate(string) {
            return date
        }
        if let date = try? Date(string, strategy: .iso8601) {
            return date
        }
        return try? Date(string, strategy: precise)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.mmmZ` in UTC; nil for anything else.
    private static func fastDate(_ string: String) -> Date? {
        var utf8 = string.utf8.makeIterator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        while let byte = utf8.next() {
            bytes.append(byte)
            if bytes.count > 24 { return nil }
        }
        guard bytes.count == 20 || bytes.count == 24, bytes.last == UInt8(ascii: "Z"), bytes[4] == UInt8(ascii: "-"),
            bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":")
        else {
            return nil
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else {
            return nil
        }
        var milliseconds = 0
        if bytes.count == 24 {
            guard bytes[19] == UInt8(ascii: "."), let fraction = number(20..<23) else { return nil }
            milliseconds = fraction
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: Double(seconds) + Double(milliseconds) / 1000)
    }

    static func now() -> String {
        string(from: Date())
    }

    private static let precise = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
