internal import CSQLite

/// SQLite's `SQLITE_TRANSIENT` destructor: tells `sqlite3_bind_*` to copy the bytes before returning, so the Swift
/// buffer may be freed right after the call. sqlite3.h defines it as `((sqlite3_destructor_type)-1)`, a macro the
/// Swift importer cannot import.
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One prepared SQL statement.
///
/// **Ownership.** A `Statement` owns its `sqlite3_stmt*` and finalizes it in `deinit`, so no path can leak it. The
/// raw pointer never leaves this type. Statements come from ``Connection/cachedStatement(sql:)``, which keeps them
/// alive for reuse; the connection is closed with `sqlite3_close_v2`, so a statement that happens to outlive its
/// connection still finalizes safely.
///
/// **Threading.** Not `Sendable`: use it only inside the `Database.read`/`write` closure that produced it, on that
/// connection's queue. Every entry point checks this with a `precondition`.
///
/// **Reuse.** ``execute(_:)``, ``query(_:)`` and ``queryOne(_:)`` bind the arguments, run the statement, then reset it
/// and clear its bindings, even when they throw, so the next use starts clean.
public final class Statement {
    /// The SQL text this statement was prepared from.
    public let sql: String

    private let handle: OpaquePointer
    private let queueID: Int?

    /// Prepares exactly one SQL statement.
    ///
    /// - Parameters:
    ///   - database: The connection handle (`sqlite3*`). The caller keeps it open for the statement's lifetime or
    ///     closes it with `sqlite3_close_v2`.
    ///   - sql: One statement. Anything but whitespace and comments after it throws `.misuse`; use
    ///     ``Connection/execute(sql:)`` for scripts.
    ///   - persistent: Passes `SQLITE_PREPARE_PERSISTENT`, a hint that the statement will be reused many times.
    ///   - queueID: The confinement marker of the owning connection's queue, or nil when unconfined.
    /// - Throws: ``StorageError`` with `.sqlError` for invalid SQL, `.misuse` for empty or multi-statement SQL.
    init(database: OpaquePointer, sql: String, persistent: Bool, queueID: Int?) throws(StorageError) {
        var prepared: OpaquePointer?
        var consumedBytes = 0
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let resultCode = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let resultCode = sqlite3_prepare_v3(database, text, -1, flags, &prepared, &tail)
            consumedBytes = tail.map { text.distance(to: $0) } ?? 0
            return resultCode
        }
        try SQLiteResultCode.check(resultCode, handle: database, sql: sql)
        guard let prepared else {
            throw StorageError(.misuse, "The SQL contains no statement.", sql: sql)
        }
        let remainder = String(decoding: sql.utf8.dropFirst(consumedBytes), as: UTF8.self)
        if Self.holdsStatement(remainder, database: database) {
            sqlite3_finalize(prepared)
            throw StorageError(
                .misuse, "A prepared statement takes exactly one SQL statement; use execute(sql:) for scripts.",
                sql: sql)
        }
        self.handle = prepared
        self.sql = sql
        self.queueID = queueID
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// The number of `?` parameters the statement expects.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// Runs the statement to completion, discarding any result rows.
    ///
    /// - Parameter arguments: One value per `?` parameter, in order. A count mismatch throws `.misuse`.
    public func execute(_ arguments: [SQLValue] = []) throws(StorageError) {
        try withBoundArguments(arguments) { () throws(StorageError) in
            while try step() {}
        }
    }

    /// Runs the statement and returns every result row. O(rows × columns); copies every value.
    public func query(_ arguments: [SQLValue] = []) throws(StorageError) -> [Row] {
        try withBoundArguments(arguments) { () throws(StorageError) -> [Row] in
            let names = columnNames()
            var rows: [Row] = []
            while try step() {
                rows.append(Row(columnNames: names, values: try currentValues()))
            }
            return rows
        }
    }

    /// Runs the statement and returns its first row, or nil when there is none. Later rows are not computed.
    public func queryOne(_ arguments: [SQLValue] = []) throws(StorageError) -> Row? {
        try withBoundArguments(arguments) { () throws(StorageError) -> Row? in
            guard try step() else { return nil }
            return Row(columnNames: columnNames(), values: try currentValues())
        }
    }

    // MARK: Internals

    /// True when `text` (what followed the first statement) holds anything but whitespace and comments. Text that
    /// does not even compile counts as a statement too.
    private static func holdsStatement(_ text: String, database: OpaquePointer) -> Bool {
        guard text.contains(where: { !$0.isWhitespace }) else { return false }
        var extra: OpaquePointer?
        let resultCode = sqlite3_prepare_v2(database, text, -1, &extra, nil)
        defer { sqlite3_finalize(extra) }
        return resultCode != SQLITE_OK || extra != nil
    }

    private func preconditionConfined() {
        if let queueID {
            precondition(
                ConnectionQueue.currentID == queueID,
                "A Statement was used outside the database queue that owns its connection.")
        }
    }

    private func withBoundArguments<T>(
        _ arguments: [SQLValue], _ body: () throws(StorageError) -> T
    ) throws(StorageError) -> T {
        preconditionConfined()
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        try bind(arguments)
        return try body()
    }

    private func bind(_ arguments: [SQLValue]) throws(StorageError) {
        let expected = parameterCount
        guard arguments.count == expected else {
            throw StorageError(
                .misuse, "The statement expects \(expected) arguments but received \(arguments.count).", sql: sql)
        }
        for (offset, value) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let resultCode: Int32
            switch value {
            case .null:
                resultCode = sqlite3_bind_null(handle, index)
            case .integer(let integer):
                resultCode = sqlite3_bind_int64(handle, index, integer)
            case .real(let real):
                resultCode = sqlite3_bind_double(handle, index, real)
            case .text(let text):
                resultCode = bindText(text, at: index)
            case .blob(let bytes):
                resultCode = bindBlob(bytes, at: index)
            }
            try SQLiteResultCode.check(resultCode, handle: sqlite3_db_handle(handle), sql: sql)
        }
    }

    /// Binds UTF-8 text with an explicit length, so embedded NUL characters survive; an empty string binds as empty
    /// text, never as NULL.
    private func bindText(_ text: String, at index: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { utf8 -> Int32 in
            guard let base = utf8.baseAddress, !utf8.isEmpty else {
                return sqlite3_bind_text64(handle, index, "", 0, sqliteTransient, UInt8(SQLITE_UTF8))
            }
            let characters = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            return sqlite3_bind_text64(
                handle, index, characters, UInt64(utf8.count), sqliteTransient, UInt8(SQLITE_UTF8))
        }
    }

    /// Binds bytes; an empty array binds as an empty blob, never as NULL.
    private func bindBlob(_ bytes: [UInt8], at index: Int32) -> Int32 {
        bytes.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.baseAddress, !raw.isEmpty else {
                return sqlite3_bind_zeroblob(handle, index, 0)
            }
            return sqlite3_bind_blob64(handle, index, base, UInt64(raw.count), sqliteTransient)
        }
    }

    /// Advances one row: true when a row is available, false when the statement is done.
    private func step() throws(StorageError) -> Bool {
        let resultCode = sqlite3_step(handle)
        switch resultCode {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        default:
            throw SQLiteResultCode.error(for: resultCode, handle: sqlite3_db_handle(handle), sql: sql)
        }
    }

    private func columnNames() -> [String] {
        (0..<sqlite3_column_count(handle)).map { column in
            sqlite3_column_name(handle, column).map { String(cString: $0) } ?? ""
        }
    }

    private func currentValues() throws(StorageError) -> [SQLValue] {
        let count = sqlite3_column_count(handle)
        var values: [SQLValue] = []
        values.reserveCapacity(Int(count))
        for column in 0..<count {
            values.append(try value(at: column))
        }
        return values
    }

    private func value(at column: Int32) throws(StorageError) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            let text = sqlite3_column_text(handle, column)
            let length = Int(sqlite3_column_bytes(handle, column))
            guard let text else {
                try checkNoAllocationFailure()
                return .text("")
            }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let bytes = sqlite3_column_blob(handle, column)
            let length = Int(sqlite3_column_bytes(handle, column))
            guard let bytes, length > 0 else {
                try checkNoAllocationFailure()
                return .blob([])
            }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: length)))
        default:
            return .null
        }
    }

    /// `sqlite3_column_text`/`_blob` return NULL both for empty values and when converting ran out of memory; the
    /// connection's error code tells the two apart.
    private func checkNoAllocationFailure() throws(StorageError) {
        let database = sqlite3_db_handle(handle)
        if sqlite3_errcode(database) == SQLITE_NOMEM {
            throw SQLiteResultCode.error(for: SQLITE_NOMEM, handle: database, sql: sql)
        }
    }
}

@available(*, unavailable, message: "A Statement is confined to its connection's database queue.")
extension Statement: Sendable {}
