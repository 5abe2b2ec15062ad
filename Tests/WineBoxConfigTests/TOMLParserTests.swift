import Testing

@testable import WineBoxConfig

@Suite struct TOMLParserTests {
    @Test func parsesEveryScalarType() throws {
        let document = """
            text = "caf\\u00e9 \\"quoted\\""
            literal = 'C:\\path'
            integer = -42
            big = 9_223_372_036_854_775_807
            hex = 0xFF
            float = 3.5
            exponent = 1e3
            yes = true
            no = false
            offset = 1979-05-27T07:32:00Z
            local = 1979-05-27T07:32:00
            day = 1979-05-27
            clock = 07:32:00
            """
        let root = try TOMLParser.parse(document)
        #expect(root["text"] == .string("café \"quoted\""))
        #expect(root["literal"] == .string("C:\\path"))
        #expect(root["integer"] == .integer(-42))
        #expect(root["big"] == .integer(Int64.max))
        #expect(root["hex"] == .integer(255))
        #expect(root["float"] == .float(3.5))
        #expect(root["exponent"] == .float(1000))
        #expect(root["yes"] == .boolean(true))
        #expect(root["no"] == .boolean(false))
        #expect(root["offset"] == .dateTime("1979-05-27T07:32:00Z"))
        #expect(root["local"] == .dateTime("1979-05-27T07:32:00"))
        #expect(root["day"] == .dateTime("1979-05-27"))
        #expect(root["clock"] == .dateTime("07:32:00"))
        #expect(root.count == 13)
    }

    @Test func parsesNestedTablesAndArrays() throws {
        let document = """
            [server]
            host = "::1"
            [server.tls]
            enabled = true
            [[bottles]]
            name = "Rioja"
            [[bottles]]
            name = "Barolo"
            years = [2015, 2016]
            mixed = [[1, 2], ["a"], { inline = 1.5 }]
            """
        let root = try TOMLParser.parse(document)
        let server: TOMLValue = .table(["host": .string("::1"), "tls": .table(["enabled": .boolean(true)])])
        #expect(root["server"] == server)
        let bottles: TOMLValue = .array([
            .table(["name": .string("Rioja")]),
            .table([
                "name": .string("Barolo"),
                "years": .array([.integer(2015), .integer(2016)]),
                "mixed": .array([
                    .array([.integer(1), .integer(2)]), .array([.string("a")]), .table(["inline": .float(1.5)]),
                ]),
            ]),
        ])
        #expect(root["bottles"] == bottles)
    }

    @Test func parsesAnEmptyDocumentAsAnEmptyTable() throws {
        #expect(try TOMLParser.parse("").isEmpty)
        #expect(try TOMLParser.parse("# only a comment\n").isEmpty)
    }

    @Test func keepsNulCharactersAndUnicodeKeys() throws {
        let root = try TOMLParser.parse("\"clé\" = \"a\\u0000b\"")
        #expect(root["clé"] == .string("a\u{0}b"))
    }

    @Test func reportsLineAndColumnOfInvalidTOML() {
        let document = "app_name = \"WineBox\"\n[server]\nport = = 8000\n"
        #expect {
            _ = try TOMLParser.parse(document, sourceName: "test.toml")
        } throws: { error in
            guard let error = error as? TOMLParseError else { return false }
            return error.line == 3 && error.column == 8 && !error.message.isEmpty
        }
    }

    @Test(arguments: [
        "key = ", "key = \"unterminated", "[table\nkey = 1", "a = 1\na = 2", "x = 1979-13-45", "k = 0777",
    ])
    func refusesInvalidDocuments(_ document: String) {
        #expect(throws: TOMLParseError.self) { try TOMLParser.parse(document) }
    }

    @Test func refusesInvalidUTF8() {
        let error = #expect(throws: TOMLParseError.self) {
            try TOMLParser.parse(bytes: Array("a = \"".utf8) + [0xFF, 0xFE] + Array("\"".utf8))
        }
        #expect(error?.line == 1)
    }

    @Test func writesLiteralsThatParseBack() throws {
        let tricky = "quote \" backslash \\ tab \t newline \n bell \u{07} delete \u{7F} é"
        let value: TOMLValue = .table([
            "s": .string(tricky), "i": .integer(-7), "f": .float(0.25), "b": .boolean(true),
            "a": .array([.string("x"), .integer(1)]),
        ])
        let root = try TOMLParser.parse("v = \(value.literal)")
        #expect(root["v"] == value)
    }
}
