/// One step of the database schema: a version, a name, and the change to apply.
///
/// Migrations are forward-only and append-only. Once a migration has shipped, its version, name and effect are
/// fixed: every database records the versions and names it has applied (table `schema_migration`), and
/// ``Migrator`` refuses a database whose record disagrees with the build. Change the schema by appending a new
/// migration.
///
/// The change runs inside the migration's own write transaction, with foreign keys enforced. It must not run
/// `BEGIN`, `COMMIT` or `ROLLBACK`, and cannot change `PRAGMA foreign_keys` (SQLite ignores it inside a
/// transaction); to rebuild a table, use `PRAGMA defer_foreign_keys = ON` instead.
///
/// ```swift
/// Migration(version: 2, name: "create_wine", sql: """
///     CREATE TABLE wine (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;
///     """)
/// Migration(version: 3, name: "backfill_wine_sort_name") { connection in
///     try connection.execute("UPDATE wine SET sort_name = lower(name)")
/// }
/// ```
public struct Migration: Sendable {
    /// The schema version this migration produces; versions run 1, 2, 3, … without gaps.
    public let version: Int
    /// A stable identifier such as `create_instance`, recorded in the database next to the version.
    public let name: String

    private let change: Change

    private enum Change: Sendable {
        case sql(String)
        case closure(@Sendable (Connection) throws -> Void)
    }

    /// A migration that runs an SQL script (one or more statements, via ``Connection/execute(sql:)``).
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.change = .sql(sql)
    }

    /// A migration that runs Swift code, for changes SQL alone cannot express (generated values, data rewrites).
    /// The closure receives the writer connection inside the migration's transaction; throwing rolls it back.
    public init(version: Int, name: String, apply: @escaping @Sendable (Connection) throws -> Void) {
        self.version = version
        self.name = name
        self.change = .closure(apply)
    }

    /// Applies the change on `connection`, which is inside a write transaction.
    func apply(on connection: Connection) throws {
        switch change {
        case .sql(let script):
            try connection.execute(sql: script)
        case .closure(let body):
            try body(connection)
        }
    }
}
