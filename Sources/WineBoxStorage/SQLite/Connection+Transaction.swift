extension Connection {
    /// How a transaction takes its lock (https://sqlite.org/lang_transaction.html).
    enum TransactionKind {
        /// `BEGIN DEFERRED`: takes a read snapshot at the first read. Used by `Database.read`.
        case deferred
        /// `BEGIN IMMEDIATE`: takes the write lock up front, so the body never fails halfway with `SQLITE_BUSY`
        /// when it first writes. Used by `Database.write`.
        case immediate

        var beginSQL: String {
            switch self {
            case .deferred: return "BEGIN DEFERRED"
            case .immediate: return "BEGIN IMMEDIATE"
            }
        }
    }

    /// Runs `body` inside one transaction: commits when it returns, rolls back when it throws (and rethrows the
    /// body's error unchanged), so a failed body changes nothing.
    ///
    /// A transaction left open by an earlier failure (a rollback that itself failed) is rolled back first. If the
    /// body ends the transaction itself (`COMMIT`/`ROLLBACK` through `execute`), the call throws `.misuse`: the
    /// changes it made may already be committed.
    func inTransaction<T>(_ kind: TransactionKind, _ body: (Connection) throws -> T) throws -> T {
        if isInTransaction {
            rollbackIfNeeded()
        }
        try cachedStatement(sql: kind.beginSQL).execute()
        let value: T
        do {
            value = try body(self)
        } catch {
            rollbackIfNeeded()
            throw error
        }
        guard isInTransaction else {
            throw StorageError(
                .misuse, "The closure ended the transaction itself; do not run BEGIN, COMMIT or ROLLBACK in it.")
        }
        do {
            try cachedStatement(sql: "COMMIT").execute()
        } catch {
            rollbackIfNeeded()
            throw error
        }
        return value
    }

    /// Runs `body` with `PRAGMA query_only` on, so any write inside fails with `.readOnly`. Used to make
    /// `Database.read` read-only when reads share the writer connection (in-memory databases).
    func withQueryOnly<T>(_ body: () throws -> T) throws -> T {
        try cachedStatement(sql: "PRAGMA query_only = 1").execute()
        defer {
            // Cannot fail: the pragma only flips a flag on the connection.
            try? cachedStatement(sql: "PRAGMA query_only = 0").execute()
        }
        return try body()
    }

    /// Rolls back the open transaction, if any. SQLite may already have rolled back by itself (after `SQLITE_FULL`,
    /// `SQLITE_IOERR`, …), so a failure here is not reported; ``inTransaction(_:_:)`` retries on its next call.
    private func rollbackIfNeeded() {
        guard isInTransaction else { return }
        try? cachedStatement(sql: "ROLLBACK").execute()
    }
}
