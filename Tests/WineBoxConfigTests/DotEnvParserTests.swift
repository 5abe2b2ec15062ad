import Testing

@testable import WineBoxConfig

@Suite struct DotEnvParserTests {
    private func values(_ text: String) -> [String: String] {
        Dictionary(DotEnvParser.parse(text).map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    @Test func skipsBlankLinesCommentsAndLinesWithoutEquals() {
        let text = "\n   \n# comment = not a value\n  # indented comment\nJUST_A_WORD\nKEY=value\n"
        #expect(values(text) == ["KEY": "value"])
    }

    @Test func splitsOnTheFirstEqualsSign() {
        #expect(values("TOKEN=abc=def==") == ["TOKEN": "abc=def=="])
    }

    @Test func trimsWhitespaceAroundKeyAndValue() {
        #expect(values("  KEY  =   spaced value \t") == ["KEY": "spaced value"])
    }

    @Test func stripsOneMatchingPairOfQuotes() {
        let text = """
            DOUBLE="double quoted"
            SINGLE='single quoted'
            NESTED="'kept'"
            TWICE=""twice""
            MISMATCHED="open'
            LONE="
            INNER=a"b"c
            EMPTY=""
            """
        #expect(
            values(text) == [
                "DOUBLE": "double quoted", "SINGLE": "single quoted", "NESTED": "'kept'", "TWICE": "\"twice\"",
                "MISMATCHED": "\"open'", "LONE": "\"", "INNER": "a\"b\"c", "EMPTY": "",
            ]
        )
    }

    @Test func acceptsAnOptionalExportPrefix() {
        #expect(values("export KEY=1\nexport\tOTHER = 2\nexportED=3") == ["KEY": "1", "OTHER": "2", "exportED": "3"])
    }

    @Test func keepsHashSignsInsideValues() {
        #expect(values("KEY=abc#def # not a comment") == ["KEY": "abc#def # not a comment"])
    }

    @Test func handlesWindowsLineEndingsAndAByteOrderMark() {
        #expect(values("\u{FEFF}A=1\r\nB=2\r\n") == ["A": "1", "B": "2"])
    }

    @Test func reportsLineNumbersAndKeepsRepeatedKeysInOrder() {
        let entries = DotEnvParser.parse("# header\nA=1\n\nA=2\n")
        #expect(entries == [.init(key: "A", value: "1", line: 2), .init(key: "A", value: "2", line: 4)])
    }

    @Test func skipsLinesWithAnEmptyKey() {
        #expect(values("=value\n  = other") == [:])
    }
}
