internal import CSQLite

/// One SQLite connection (`sqlite3*`), configured for WineBox.
///
/// **Ownership.** A `Connection` owns its handle and closes it with `sqlite3_close_v2` in `deinit`; the raw pointer
/// never leaves this type. Connections are created and owned by ``Database``; application code only ever borrows one
/// inside a `Database.read { connection in … }` or `write { … }` closure and must not keep it afterwards.
///
/// **Threading.** Not `Sendable`. The handle is opened with `SQLITE_OPEN_NOMUTEX` (SQLite's multi-thread mode: no
/// per-connection mutex, so the caller must never use one connection from two threads at once). ``Database`` gives
/// every connection its own serial `DispatchQueue`, and every method here checks with a `precondition` that it runs
/// on that queue.
///
/// **Configuration applied at open** (see https://sqlite.org/pragma.html):
/// - `journal_mode=WAL` (verified to answer `wal` for file databases), so readers never block the writer;
/// - `synchronous=FULL`: a committed transaction survives power loss;
/// - `foreign_keys=ON` (verified);
/// - readers only: `mmap_size` 256 MiB: pages are read through a memory map rather than copied with `pread`;
/// - `busy_timeout`: how long to wait for a lock held by another process (default 5000 ms);
/// - `SQLITE_DBCONFIG_DQS_DML=0` and `SQLITE_DBCONFIG_DQS_DDL=0`: `"text"` is always an identifier, never a string
///   literal, so a misspelled column name fails instead of silently comparing with a string;
/// - `SQLITE_DBCONFIG_DEFENSIVE=1`: SQL cannot corrupt the file on purpose (`writable_schema` and friends are off).
///
/// **Statement cache.** ``cachedStatement(sql:)`` prepares each distinct SQL text once
/// (`SQLITE_PREPARE_PERSISTENT`) and reuses it; the helpers ``execute(_:_:)``, ``query(_:_:)``, ``queryOne(_:_:)`` and
/// ``scalar(_:_:)`` all go through it. Always pass values as `?` arguments, never interpolate them into SQL: that is
/// both the injection defence and what keeps the cache small. When the cache reaches ``statementCacheLimit`` entries
/// it is emptied and starts over.
public final class Connection {
    /// How much of the database file a reader maps (`PRAGMA mmap_size`), in bytes.
    static let readerMapSize = 256 * 1_048_576

    /// How a connection may touch the database file.
    enum Access {
        /// Read and write; creates the file if needed.
        case readWrite
        /// Read only (`SQLITE_OPEN_READONLY`); any write fails with `.readOnly`.
        case readOnly
    }

    /// The most statements the cache holds before it is emptied.
    public static let statementCacheLimit = 256

    /// The path this connection was opened with (`:memory:` for an in-memory database).
    public let path: String
    /// True when the connection was opened read-only (the reader connections of a file ``Database``).
    public let isReadOnly: Bool

    private let handle: OpaquePointer
    private let queueID: Int?
    private var statementCache: [String: Statement] = [:]

    /// Opens and configures a connection.
    ///
    /// - Parameters:
    ///   - path: A file path, or `:memory:`/empty for a private temporary database.
    ///   - access: Read-write (creates the file) or read-only.
    ///   - busyTimeoutMilliseconds: The `busy_timeout`.
    ///   - queueID: The ``ConnectionQueue`` marker of the queue that will own the connection; nil leaves it
    ///     unconfined (tests only). The initializer itself must already run on that queue.
    /// - Throws: ``StorageError`` `.cannotOpen`, `.corrupt`, `.configuration`, … The handle is closed on failure.
    init(path: String, access: Access, busyTimeoutMilliseconds: Int32, queueID: Int?) throws(StorageError) {
        var opened: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch access {
        case .readWrite: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        }
        let resultCode = sqlite3_open_v2(path, &opened, flags, nil)
        guard let opened else {
            throw StorageError(.other, "SQLite could not allocate a connection for \(path).")
        }
        if resultCode != SQLITE_OK {
            var error = SQLiteResultCode.error(for: resultCode, handle: opened, sql: nil)
            error.message = "Could not open the database at \(path): \(error.message)"
            sqlite3_close_v2(opened)
            throw error
        }
        self.handle = opened
        self.path = path
        self.isReadOnly = access == .readOnly
        self.queueID = queueID
        // From here on `deinit` runs if configuration throws, so the handle is closed either way.
        try configure(busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// True when `path` names a database that lives only as long as its connection.
    static func isTemporary(path: String) -> Bool {
        path.isEmpty || path == ":memory:"
    }

    // MARK: Public API

    /// True when the caller runs on the serial queue that owns this connection. Always true for code inside a
    /// `Database.read`/`write` closure; tests use it to prove closures never run on Swift's cooperative pool.
    public var isOnDatabaseQueue: Bool {
        guard let queueID else { return false }
        return ConnectionQueue.currentID == queueID
    }

    /// Returns the prepared statement for `sql`, preparing and caching it on first use.
    ///
    /// The same `Statement` object comes back for the same text as long as the cache is not emptied. Its
    /// `execute`/`query` methods reset it and clear its bindings after each use.
    ///
    /// - Throws: `.sqlError` for invalid SQL; `.misuse` if `sql` holds zero or several statements.
    public func cachedStatement(sql: String) throws(StorageError) -> Statement {
        preconditionConfined()
        if let cached = statementCache[sql] {
            return cached
        }
        let statement = try Statement(database: handle, sql: sql, persistent: true, queueID: queueID)
        if statementCache.count >= Self.statementCacheLimit {
            statementCache.removeAll(keepingCapacity: true)
        }
        statementCache[sql] = statement
        return statement
    }

    /// Runs a script of one or more SQL statements with `sqlite3_exec` (for DDL and migrations). Takes no arguments
    /// and bypasses the statement cache; never build the text from user input.
    public func execute(sql: String) throws(StorageError) {
        preconditionConfined()
        let resultCode = sqlite3_exec(handle, sql, nil, nil, nil)
        try SQLiteResultCode.check(resultCode, handle: handle, sql: sql)
    }

    /// Runs one statement with `?` arguments through the statement cache, discarding any result rows.
    public func execute(_ sql: String, _ arguments: [SQLValue] = []) throws(StorageError) {
        try cachedStatement(sql: sql).execute(arguments)
    }

    /// Runs one query with `?` arguments and returns every row.
    public func query(_ sql: String, _ arguments: [SQLValue] = []) throws(StorageError) -> [Row] {
        try cachedStatement(sql: sql).query(arguments)
    }

    /// Runs one query and returns its first row, or nil when it returns none.
    public func queryOne(_ sql: String, _ arguments: [SQLValue] = []) throws(StorageError) -> Row? {
        try cachedStatement(sql: sql).queryOne(arguments)
    }

    /// Runs one query and returns the first column of its first row, or nil when it returns no row (a NULL in that
    /// column comes back as `.null`).
    public func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws(StorageError) -> SQLValue? {
        try queryOne(sql, arguments)?.values.first
    }

    /// The rowid of the most recent successful INSERT on this connection (0 if none).
    public var lastInsertRowID: Int64 {
        preconditionConfined()
        return sqlite3_last_insert_rowid(handle)
    }

    /// The number of rows changed by the most recent INSERT, UPDATE or DELETE on this connection.
    public var changes: Int {
        preconditionConfined()
        return Int(sqlite3_changes64(handle))
    }

    /// True when the main database has a table named `name` (compared case-insensitively, as SQLite does).
    public func tableExists(_ name: String) throws(StorageError) -> Bool {
        try queryOne("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ? COLLATE NOCASE", [.text(name)])
            != nil
    }

    /// True while a transaction is open on this connection.
    public var isInTransaction: Bool {
        preconditionConfined()
        return sqlite3_get_autocommit(handle) == 0
    }

    // MARK: Internals

    /// The number of statements currently cached (for tests).
    var cachedStatementCount: Int { statementCache.count }

    /// Lends the raw `sqlite3*` handle to `body`, for the few C APIs this type does not wrap (the online backup in
    /// ``OnlineBackup``). The pointer must not be kept beyond the call.
    func withHandle<T, E: Error>(_ body: (OpaquePointer) throws(E) -> T) throws(E) -> T {
        preconditionConfined()
        return try body(handle)
    }

    func preconditionConfined() {
        if let queueID {
            precondition(
                ConnectionQueue.currentID == queueID,
                "A Connection was used outside its database queue; never keep one beyond its read/write closure.")
        }
    }

    private func configure(busyTimeoutMilliseconds: Int32) throws(StorageError) {
        try setDatabaseOption(SQLITE_DBCONFIG_DQS_DML, to: false, name: "DQS_DML")
        try setDatabaseOption(SQLITE_DBCONFIG_DQS_DDL, to: false, name: "DQS_DDL")
        try setDatabaseOption(SQLITE_DBCONFIG_DEFENSIVE, to: true, name: "DEFENSIVE")
        try SQLiteResultCode.check(sqlite3_busy_timeout(handle, busyTimeoutMilliseconds), handle: handle)

        let isTemporary = Self.isTemporary(path: path)
        let journalMode = try pragmaValue(isReadOnly ? "PRAGMA journal_mode" : "PRAGMA journal_mode = WAL")
        if !isTemporary && journalMode != .text("wal") {
            throw StorageError(.configuration, "SQLite did not switch \(path) to WAL journal mode.")
        }
        try execute(sql: "PRAGMA synchronous = FULL")
        if isReadOnly && !isTemporary {
            // Readers map the file instead of copying each page with pread (a tenth of a wine detail request's
            // CPU at 10,000 wines). The pages are the OS page cache's own, shared, not extra memory.
            _ = try pragmaValue("PRAGMA mmap_size = \(Self.readerMapSize)")
        }
        try execute(sql: "PRAGMA foreign_keys = ON")
        guard try pragmaValue("PRAGMA foreign_keys") == .integer(1) else {
            throw StorageError(.configuration, "SQLite did not enable foreign key enforcement.")
        }
    }

    /// Sets an on/off `sqlite3_db_config` option through the shim (the C function is variadic) and verifies it.
    private func setDatabaseOption(_ option: Int32, to enabled: Bool, name: String) throws(StorageError) {
        var current: Int32 = -1
        let resultCode = winebox_sqlite_db_config_int(handle, option, enabled ? 1 : 0, &current)
        try SQLiteResultCode.check(resultCode, handle: handle)
        guard current == (enabled ? 1 : 0) else {
            throw StorageError(.configuration, "SQLite did not apply SQLITE_DBCONFIG_\(name).")
        }
    }

    /// Runs a pragma through a one-off (uncached) statement and returns its first value.
    private func pragmaValue(_ sql: String) throws(StorageError) -> SQLValue? {
        let statement = try Statement(database: handle, sql: sql, persistent: false, queueID: queueID)
        return try statement.queryOne()?.values.first
    }
}

@available(*, unavailable, message: "A Connection is confined to its database queue; use Database.read/write.")
extension Connection: Sendable {}
