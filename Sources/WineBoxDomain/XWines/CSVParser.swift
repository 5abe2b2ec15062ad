/// A streaming RFC 4180 CSV parser: feed it bytes in chunks of any size, and it hands out each record as soon as
/// the record is complete, so a file of any length is read with memory for one record at a time.
///
/// Accepted input: fields separated by commas; records ended by CRLF, LF or a lone CR (also across chunk
/// boundaries); fields in double quotes may hold commas, quotes (doubled: `""`) and line breaks; a UTF-8 byte order
/// mark at the very start is skipped. Blank lines are skipped. It is lenient where RFC 4180 is silent: a quote inside
/// an unquoted field, or text after a closing quote, is kept as text.
///
/// Failures (thrown as ``WineBoxError`` `.invalidInput`, naming the line): a record longer than
/// ``maximumRecordBytes`` (usually a quote that is never closed), or a quoted field still open at the end.
/// Bytes that are not valid UTF-8 do not throw: the record is marked with ``CSVRecord/isValidUTF8`` false.
///
/// Not thread-safe (a value type with mutating methods): use one parser per file.
public struct CSVParser: Sendable {
    /// The default ``maximumRecordBytes``: 1 MiB, far above any real X-Wines record (about 2 KB at most).
    public static let defaultMaximumRecordBytes = 1 << 20

    /// The longest record accepted, in bytes.
    public let maximumRecordBytes: Int

    private enum State: Sendable {
        case fieldStart
        case unquoted
        case quoted
        case quoteInQuoted
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private var state = State.fieldStart
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var isValidUTF8 = true
    private var line = 1
    private var recordLine = 1
    private var recordBytes = 0
    private var skipsLineFeed = false
    /// How many bytes of the byte order mark have been seen at the start; nil once the start is behind us.
    private var byteOrderMarkMatched: Int? = 0

    public init(maximumRecordBytes: Int = CSVParser.defaultMaximumRecordBytes) {
        self.maximumRecordBytes = maximumRecordBytes
    }

    /// Parses `bytes`, calling `emit` for every record they complete. Bytes of an unfinished record are kept for
    /// the next call.
    ///
    /// - Throws: ``WineBoxError`` for a record that is too long, or whatever `emit` throws.
    public mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (CSVRecord) throws -> Void) throws {
        for byte in bytes {
            if let matched = byteOrderMarkMatched {
                if byte == Self.byteOrderMark[matched] {
                    byteOrderMarkMatched = matched + 1 == Self.byteOrderMark.count ? nil : matched + 1
                    continue
                }
                byteOrderMarkMatched = nil
                for earlier in Self.byteOrderMark.prefix(matched) {
                    try parse(earlier, emit)
                }
            }
            try parse(byte, emit)
        }
    }

    /// Parses `bytes`; see ``consume(_:_:)-(UnsafeBufferPointer<UInt8>,_)``.
    public mutating func consume(_ bytes: [UInt8], _ emit: (CSVRecord) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { buffer in try consume(buffer, emit) }
    }

    /// Ends the input: emits the last record when the file does not end with a line break.
    ///
    /// - Throws: ``WineBoxError`` when a quoted field is still open, or whatever `emit` throws.
    public mutating func finish(_ emit: (CSVRecord) throws -> Void) throws {
        if let matched = byteOrderMarkMatched, matched > 0 {
            byteOrderMarkMatched = nil
            for earlier in Self.byteOrderMark.prefix(matched) {
                try parse(earlier, emit)
            }
        }
        if state == .quoted {
            throw WineBoxError(.invalidInput, "Line \(recordLine): a quoted field is never closed")
        }
        if state != .fieldStart || !fields.isEmpty {
            try endRecord(emit)
        }
    }

    private mutating func parse(_ byte: UInt8, _ emit: (CSVRecord) throws -> Void) throws {
        if skipsLineFeed {
            skipsLineFeed = false
            if byte == Self.lineFeed {
                return
            }
        }
        if state == .fieldStart && fields.isEmpty && byte != Self.carriageReturn && byte != Self.lineFeed {
            recordLine = line
        }
        recordBytes += 1
        if recordBytes > maximumRecordBytes {
            throw WineBoxError(
                .invalidInput,
                "Line \(recordLine): the record is longer than \(maximumRecordBytes) bytes (is a quote never closed?)")
        }

        switch state {
        case .fieldStart:
            switch byte {
            case Self.quote: state = .quoted
            case Self.comma: endField()
            case Self.carriageReturn, Self.lineFeed: try endLine(byte, emit)
            default:
                field.append(byte)
                state = .unquoted
            }
        case .unquoted:
            switch byte {
            case Self.comma: endField()
            case Self.carriageReturn, Self.lineFeed: try endLine(byte, emit)
            default: field.append(byte)
            }
        case .quoted:
            if byte == Self.quote {
                state = .quoteInQuoted
            } else {
                if byte == Self.lineFeed {
                    line += 1
                }
                field.append(byte)
            }
        case .quoteInQuoted:
            switch byte {
            case Self.quote:
                field.append(byte)
                state = .quoted
            case Self.comma: endField()
            case Self.carriageReturn, Self.lineFeed: try endLine(byte, emit)
            default:
                field.append(byte)
                state = .unquoted
            }
        }
    }

    private mutating func endField() {
        if let text = String(validating: field, as: UTF8.self) {
            fields.append(text)
        } else {
            fields.append(String(decoding: field, as: UTF8.self))
            isValidUTF8 = false
        }
        field.removeAll(keepingCapacity: true)
        state = .fieldStart
    }

    /// A line break outside quotes: ends the record, or is skipped when the line is blank.
    private mutating func endLine(_ byte: UInt8, _ emit: (CSVRecord) throws -> Void) throws {
        let isBlank = state == .fieldStart && fields.isEmpty
        line += 1
        skipsLineFeed = byte == Self.carriageReturn
        if isBlank {
            recordBytes = 0
            return
        }
        try endRecord(emit)
    }

    private mutating func endRecord(_ emit: (CSVRecord) throws -> Void) throws {
        endField()
        let record = CSVRecord(fields: fields, line: recordLine, isValidUTF8: isValidUTF8)
        fields.removeAll(keepingCapacity: true)
        isValidUTF8 = true
        recordBytes = 0
        recordLine = line
        try emit(record)
    }
}
