import Foundation
import Testing

@testable import WineBoxStorage

@Suite struct TimestampTests {
    @Test func bothFormsReadBackToTheInstantWritten() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let milliseconds = Double(Int64.random(in: 0...4_102_444_800_000, using: &generator))
            let date = Date(timeIntervalSince1970: milliseconds / 1000)
            let precise = Timestamp.preciseString(from: date)
            #expect(
                abs((Timestamp.date(from: precise)?.timeIntervalSince1970 ?? -1) - date.timeIntervalSince1970) < 0.0011)
            let whole = Timestamp.string(from: date)
            #expect(Timestamp.date(from: whole) == (try? Date(whole, strategy: .iso8601)))
        }
    }

    @Test func malformedTextIsNotADate() {
        for text in [
            "", "2024-05-31", "2024-13-01T00:00:00Z",
            "2024-05-31X12:00:00Z", "abcd-ef-ghTij:kl:mnZ",
        ] {
            #expect(Timestamp.date(from: text) == nil, "\(text)")
        }
    }
}
