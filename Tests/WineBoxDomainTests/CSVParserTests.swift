import Testing
import WineBoxDomain

@Suite struct CSVParserTests {
    /// Parses `text` fed in chunks of `chunkSize` bytes.
    private func records(_ text: String, chunkSize: Int = 1_000_000) throws -> [CSVRecord] {
        try records(Array(text.utf8), chunkSize: chunkSize)
    }

    private func records(_ bytes: [UInt8], chunkSize: Int = 1_000_000) throws -> [CSVRecord] {
        var parser = CSVParser()
        var result: [CSVRecord] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunkSize)
            try parser.consume(Array(bytes[start..<end])) { result.append($0) }
            start = end
        }
        try parser.finish { result.append($0) }
        return result
    }

    @Test func plainFieldsAndLineEndingsOfEveryKind() throws {
        for text in ["a,b,c\n1,2,3\n", "a,b,c\r\n1,2,3\r\n", "a,b,c\r1,2,3", "a,b,c\n1,2,3"] {
            let parsed = try records(text)
            #expect(parsed.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"]])
            #expect(parsed.map(\.line) == [1, 2])
        }
    }

    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let text = "id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\r\nlines\"\n4,\"\"\n"
        let parsed = try records(text)
        #expect(
            parsed.map(\.fields) == [
                ["id", "text"], ["1", "a, b"], ["2", "say \"hi\""], ["3", "two\r\nlines"], ["4", ""],
            ])
        #expect(parsed.map(\.line) == [1, 2, 3, 4, 6])
    }

    @Test func emptyFieldsAndBlankLines() throws {
        let parsed = try records("a,,c\n\n,\n\r\nlast,")
        #expect(parsed.map(\.fields) == [["a", "", "c"], ["", ""], ["last", ""]])
        #expect(parsed.map(\.line) == [1, 3, 5])
    }

    @Test func aByteOrderMarkAtTheStartIsSkipped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("WineID,WineName\n1,Rosé\n".utf8)
        for chunkSize in [1, 2, 3, 100] {
            let parsed = try records(bytes, chunkSize: chunkSize)
            #expect(parsed.map(\.fields) == [["WineID", "WineName"], ["1", "Rosé"]])
        }
    }

    @Test func chunkBoundariesAnywhereGiveTheSameRecords() throws {
        let text = "x,\"a\r\n\"\"b\"\"\",Gaúcha\r\n2,\"\",\"Nero d'Avola\"\r\n"
        let whole = try records(text)
        for chunkSize in 1...7 {
            #expect(try records(text, chunkSize: chunkSize) == whole)
        }
        #expect(whole.map(\.fields) == [["x", "a\r\n\"b\"", "Gaúcha"], ["2", "", "Nero d'Avola"]])
    }

    @Test func strayQuotesAreKeptAsText() throws {
        #expect(try records("ab\"c,\"d\"e\n").map(\.fields) == [["ab\"c", "de"]])
    }

    @Test func anUnclosedQuoteFailsWithItsLine() throws {
        #expect(throws: WineBoxError.self) { try records("a\n\"never closed\n") }
        var parser = CSVParser(maximumRecordBytes: 10)
        do {
            try parser.consume(Array("ok\n\"runaway, runaway, runaway".utf8)) { _ in }
            Issue.record("a record over the limit must fail")
        } catch let error as WineBoxError {
            #expect(error.message.hasPrefix("Line 2:"))
        }
    }

    @Test func invalidUTF8MarksTheRecordInsteadOfFailing() throws {
        let parsed = try records([0x61, 0x2C, 0xFF, 0x0A, 0x62, 0x0A])
        #expect(parsed.count == 2)
        #expect(!parsed[0].isValidUTF8)
        #expect(parsed[1].isValidUTF8)
    }
}
