import Foundation
import Synchronization
import Testing
import WineBoxSupport

@Suite struct LoggerTests {
    @Test func textLinesCarryLevelMessageAndQuotedMetadata() {
        let sink = MemoryLogSink()
        let logger = Logger(level: .info, format: .text, sink: sink).with(["request_id": "abc"])
        logger.info("Database ready", [("path", "/var/lib/winebox data"), ("count", "3")])
        #expect(sink.lines.count == 1)
        let line = sink.lines[0]
        #expect(line.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info "#, options: .regularExpression) != nil)
        #expect(line.hasSuffix(#"Database ready request_id=abc path="/var/lib/winebox data" count=3"#))
    }

    @Test func jsonLinesAreValidJSONWithEscapes() throws {
        let sink = MemoryLogSink()
        let logger = Logger(level: .debug, format: .json, sink: sink)
        logger.warning("quote \" and\nnewline", [("key", "tab\there\u{1}")])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(sink.lines[0].utf8)) as? [String: String])
        #expect(object["level"] == "warning")
        #expect(object["msg"] == "quote \" and\nnewline")
        #expect(object["key"] == "tab\there\u{1}")
        #expect(object["ts"]?.hasSuffix("Z") == true)
    }

    @Test func recordsBelowTheLevelAreNotWrittenNorBuilt() {
        let sink = MemoryLogSink()
        let logger = Logger(level: .warning, sink: sink)
        let evaluated = Mutex(false)
        logger.debug(
            {
                evaluated.withLock { $0 = true }
                return "expensive"
            }())
        logger.info("skipped")
        logger.error("kept")
        #expect(sink.lines.count == 1)
        #expect(!evaluated.withLock { $0 })
    }

    @Test func childMetadataReplacesTheSameKey() {
        let sink = MemoryLogSink()
        let logger = Logger(sink: sink).with(["a": "1"]).with(["a": "2", "b": "3"])
        logger.info("m")
        #expect(sink.lines[0].hasSuffix("m a=2 b=3"))
    }

    @Test func levelNamesParseCaseInsensitively() {
        #expect(LogLevel(name: "WARNING") == .warning)
        #expect(LogLevel(name: "verbose") == nil)
        #expect(LogLevel.allCases.map(\.description) == ["trace", "debug", "info", "notice", "warning", "error"])
    }
}
