import Foundation
import Testing
import WineBoxSupport

@Suite struct JSONWriterTests {
    struct Sample: JSONWritable {
        let text: String
        let number: Double
        let count: Int?
        let when: Date
        let tags: [String]

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.field("text", text)
                json.field("number", number)
                json.field("count", count)
                json.field("when", when)
                json.field("tags", tags)
                json.key("nested")
                json.array([1, 2]) { json, item in
                    json.object { json in json.field("n", item) }
                }
            }
        }
    }

    func written(_ sample: Sample) -> String {
        var writer = JSONWriter()
        sample.write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func writesValidJSONThatReadsBackToTheSameValues() throws {
        let awkward = "quote \" backslash \\ slash / newline \n tab \t bell \u{07} Château 🍷"
        let date = Date(timeIntervalSince1970: 1_717_156_800.75)
        let text = written(Sample(text: awkward, number: 13.5, count: nil, when: date, tags: ["a", "é"]))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["text"] as? String == awkward)
        #expect(object["number"] as? Double == 13.5)
        #expect(object["count"] is NSNull)
        #expect(object["when"] as? String == "2024-05-31T12:00:00Z")
        #expect(object["tags"] as? [String] == ["a", "é"])
        #expect((object["nested"] as? [[String: Int]])?.map { $0["n"] } == [1, 2])
        #expect(text.contains(#"slash / newline \n tab \t bell \u0007"#))
    }

    @Test func numbersAndDatesMatchJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        for number in [0.0, 450.0, -3.0, 13.5, 0.1, 1234.56, 1e20, 2.5e-7] {
            var writer = JSONWriter()
            writer.value(number)
            let expected = try JSONSerialization.jsonObject(with: encoder.encode([number])) as? [Double]
            let actual =
                try JSONSerialization.jsonObject(
                    with: Data(("[" + String(decoding: writer.bytes, as: UTF8.self) + "]").utf8)) as? [Double]
            #expect(actual == expected, "\(number)")
        }
        for seconds in [0.0, 951_782_400, 1_735_689_599.999, 4_102_444_800] {
            let date = Date(timeIntervalSince1970: seconds)
            var writer = JSONWriter()
            writer.value(date)
            #expect(writer.bytes == Array(try encoder.encode(date)), "\(seconds)")
        }
    }
}
