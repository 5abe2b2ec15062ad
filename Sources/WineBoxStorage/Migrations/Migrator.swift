/// Applies ordered, forward-only ``Migration``s to a ``Database`` and records them in `schema_migration`.
///
/// ```sql
/// CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
/// ```
///
/// Each migration runs in its own write transaction together with the insert of its `schema_migration` row (and a
/// `PRAGMA foreign_key_check`), so a database is always exactly at some version: a failing migration leaves it at
/// the previous one.
///
/// Before migrating, the recorded history is compared with this build's list. The migrator refuses (and changes
/// nothing) when
/// - the database has a version this build does not know (`.schemaTooNew`: a newer WineBox wrote it; running an
///   older build against it could lose data), or
/// - a recorded version has a different name, or a version is missing from the record (`.schemaMismatch`).
///
/// The list itself is validated at construction: versions must run 1, 2, 3, … without gaps and names must be
/// non-empty and unique. A violation is a programmer error and traps.
public struct Migrator: Sendable {
    /// The migrations, in version order.
    public let migrations: [Migration]

    /// Creates a migrator; traps if the list is not numbered 1, 2, 3, … or has empty or duplicate names.
    public init(_ migrations: [Migration]) {
        var names: Set<String> = []
        for (offset, migration) in migrations.enumerated() {
            precondition(
                migration.version == offset + 1,
                "Migration versions must run 1, 2, 3, … without gaps; position \(offset + 1) has version "
                    + "\(migration.version)")
            precondition(!migration.name.isEmpty, "Migration \(migration.version) has an empty name")
            precondition(names.insert(migration.name).inserted, "Migration name '\(migration.name)' is used twice")
        }
        self.migrations = migrations
    }

    /// The version the last migration produces (0 for an empty list).
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Applies every pending migration up to `target` (default: all) and returns the ones it applied, in order.
    ///
    /// Creates `schema_migration` if it does not exist. A `target` at or below the current version applies
    /// nothing: migrations never run backwards. Safe to call on every start-up.
    ///
    /// - Parameter target: The version to stop at, in `0...latestVersion` (anything else traps).
    /// - Throws: `.schemaTooNew`, `.schemaMismatch`, or `.migrationFailed` (with the migration's error as
    ///   `underlying`). Migrations applied before a failure stay applied.
    @discardableResult
    public func migrate(_ database: Database, upTo target: Int? = nil) async throws -> [Migration] {
        let target = target ?? latestVersion
        precondition((0...latestVersion).contains(target), "Migration target \(target) is not in 0...\(latestVersion)")
        try await database.write { connection in
            try Self.createHistoryTable(connection)
            _ = try self.validatedVersion(connection)
        }
        var applied: [Migration] = []
        for migration in migrations.prefix(target) {
            let didApply = try await database.write { connection in
                try self.applyIfPending(migration, connection)
            }
            if didApply {
                applied.append(migration)
            }
        }
        return applied
    }

    /// The database's schema version: the highest recorded migration, or 0 for a database never migrated.
    public func currentVersion(of database: Database) async throws -> Int {
        try await database.read { connection in try Self.recordedVersion(connection) }
    }

    // MARK: Internals

    /// The highest version recorded in `schema_migration`, or 0 when the table is missing or empty.
    static func recordedVersion(_ connection: Connection) throws -> Int {
        guard try connection.tableExists("schema_migration") else { return 0 }
        let newest = try connection.queryOne("SELECT coalesce(max(version), 0) AS version FROM schema_migration")
        return try newest?.int("version") ?? 0
    }

    private static func createHistoryTable(_ connection: Connection) throws {
        try connection.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS schema_migration (
                    version INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                ) STRICT
                """)
    }

    /// Applies `migration` unless the database already has it. Runs inside one write transaction.
    private func applyIfPending(_ migration: Migration, _ connection: Connection) throws -> Bool {
        let current = try validatedVersion(connection)
        guard migration.version > current else { return false }
        guard migration.version == current + 1 else {
            throw StorageError(
                .schemaMismatch,
                "Cannot apply migration \(migration.version) to a database at version \(current): migrations "
                    + "run in order.")
        }
        do {
            try migration.apply(on: connection)
            try Self.checkForeignKeys(connection)
        } catch {
            throw StorageError(
                .migrationFailed,
                "Migration \(migration.version) '\(migration.name)' failed, so the database stays at version "
                    + "\(current): \(Self.safeDescription(of: error))",
                underlying: error)
        }
        try connection.execute(
            "INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)",
            [SQLValue(migration.version), .text(migration.name), .text(Timestamp.now())])
        return true
    }

    /// Compares the recorded history with this build's list and returns the database's version. Only reads.
    func validatedVersion(_ connection: Connection) throws -> Int {
        guard try connection.tableExists("schema_migration") else { return 0 }
        let records = try connection.query("SELECT version, name FROM schema_migration ORDER BY version")
        guard let newest = try records.last?.int("version") else { return 0 }
        if newest > latestVersion {
            throw StorageError(
                .schemaTooNew,
                "The database is at schema version \(newest), but this build of WineBox knows versions up to "
                    + "\(latestVersion): the database was written by a newer WineBox. Run that version, or restore a "
                    + "backup made with this one.")
        }
        for (offset, record) in records.enumerated() {
            let expected = migrations[offset]
            let version = try record.int("version")
            let name = try record.string("name")
            guard version == expected.version else {
                throw StorageError(
                    .schemaMismatch,
                    "The database's migration history lacks migration \(expected.version) '\(expected.name)' but "
                        + "records later ones; it was not created by this WineBox's migrations.")
            }
            guard name == expected.name else {
                throw StorageError(
                    .schemaMismatch,
                    "The database records migration \(version) as '\(name)', but this build of WineBox calls it "
                        + "'\(expected.name)'; the database was migrated by a different, incompatible build.")
            }
        }
        return newest
    }

    /// Fails when the migration left rows whose foreign keys point nowhere.
    private static func checkForeignKeys(_ connection: Connection) throws {
        let violations = try connection.query("PRAGMA foreign_key_check")
        if let first = violations.first {
            let table = (try? first.string("table")) ?? "?"
            throw StorageError(
                .constraint, "The migration left \(violations.count) foreign key violations (first in table \(table)).")
        }
    }

    /// A description of a migration's error that is safe to log: ``StorageError`` messages never contain values;
    /// other errors are named by type only.
    private static func safeDescription(of error: any Error) -> String {
        if let storageError = error as? StorageError {
            return storageError.message
        }
        return "\(type(of: error))"
    }
}
