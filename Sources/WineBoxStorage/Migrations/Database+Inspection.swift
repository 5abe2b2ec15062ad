extension Database {
    /// Runs `PRAGMA integrity_check` on the database and returns what it reports: an empty list when the file is
    /// sound, else up to 100 lines naming the damage (https://sqlite.org/pragma.html#pragma_integrity_check).
    ///
    /// Reads every page, so it takes time in proportion to the file's size. Runs on a reader connection and
    /// changes nothing.
    ///
    /// - Throws: `.closed` after ``close()``; `.corrupt` when the damage stops SQLite from reading at all.
    public func integrityCheck() async throws -> [String] {
        try await read { connection in try Self.integrityProblems(connection) }
    }

    /// Opens the database file at `path` on its own, checks its integrity, reads its schema version and instance
    /// id, compares its migration history with `migrations`, and closes it again.
    ///
    /// Neither creates nor migrates the file. Opening it read-write switches it to WAL journal mode if it was not
    /// already (WineBox's databases always are); `-wal` and `-shm` files appear beside it while it is open and
    /// are removed when it closes, unless another process has it open too.
    ///
    /// - Parameters:
    ///   - path: An existing database file.
    ///   - migrations: This build's migrations; default ``WineBoxMigrations/all``.
    /// - Throws: ``StorageError``: `.cannotOpen` when the file is missing, `.corrupt` when it is not a database at
    ///   all. Damage inside a database is reported, not thrown.
    public static func inspectFile(at path: String, migrations: [Migration] = WineBoxMigrations.all) async throws
        -> DatabaseFileReport
    {
        let migrator = Migrator(migrations)
        let database = try await openExisting(at: path, configuration: Configuration(readerCount: 0))
        let report: DatabaseFileReport
        do {
            report = try await database.read { connection in try inspect(connection, migrator: migrator) }
        } catch {
            await database.close()
            throw error
        }
        await database.close()
        return report
    }

    /// The body of ``inspectFile(at:migrations:)``, inside one read transaction.
    private static func inspect(_ connection: Connection, migrator: Migrator) throws -> DatabaseFileReport {
        let problems = try integrityProblems(connection)
        guard problems.isEmpty else {
            return DatabaseFileReport(
                integrityProblems: problems, schemaVersion: 0, instanceID: nil, compatibilityProblem: nil)
        }
        let instance = try instanceRow(connection)
        var compatibilityProblem: String?
        if case .failure(let error) = Result(catching: { try migrator.validatedVersion(connection) }) {
            compatibilityProblem = (error as? StorageError)?.message ?? String(describing: error)
        }
        return DatabaseFileReport(
            integrityProblems: [], schemaVersion: try Migrator.recordedVersion(connection),
            instanceID: instance?.instanceID, compatibilityProblem: compatibilityProblem)
    }

    private static func integrityProblems(_ connection: Connection) throws -> [String] {
        let lines = try connection.query("PRAGMA integrity_check").map { row in
            if case .text(let line)? = row.values.first {
                return line
            }
            return "integrity_check returned a value that is not text"
        }
        return lines == ["ok"] ? [] : lines
    }
}
