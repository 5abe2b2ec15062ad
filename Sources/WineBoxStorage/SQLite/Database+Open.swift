internal import Dispatch

extension Database {
    /// Opens the WineBox database at `path`, creating it if needed, and migrates it to the latest schema.
    ///
    /// The steps, all run off Swift's cooperative pool:
    /// 1. create missing parent directories with mode 0700 and the database file with mode 0600 (see
    ///    `DatabaseFiles`; skipped for `:memory:`);
    /// 2. open the connections (``init(path:configuration:)``);
    /// 3. apply pending migrations with a ``Migrator`` over `migrations`.
    ///
    /// If migrating fails, the database is closed before the error is rethrown.
    ///
    /// - Parameters:
    ///   - path: The database file, or `:memory:`.
    ///   - migrations: The ordered migrations; default ``WineBoxMigrations/all``.
    ///   - configuration: Connection settings; default ``Configuration/init(readerCount:busyTimeout:)``.
    /// - Throws: ``StorageError``: `.cannotOpen` for file-system problems, `.schemaTooNew` when a newer WineBox
    ///   wrote the file, `.schemaMismatch`, `.migrationFailed`, and anything ``init(path:configuration:)`` throws.
    public static func open(
        at path: String,
        migrations: [Migration] = WineBoxMigrations.all,
        configuration: Configuration = Configuration()
    ) async throws -> Database {
        let migrator = Migrator(migrations)
        let database = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        if !Connection.isTemporary(path: path) {
                            try DatabaseFiles.prepare(path: path)
                        }
                        return try Database(path: path, configuration: configuration)
                    })
            }
        }
        do {
            try await migrator.migrate(database)
        } catch {
            await database.close()
            throw error
        }
        return database
    }
}

extension Database {
    /// Opens an existing database file as it is: it neither creates the file nor migrates it.
    ///
    /// For tools that work on a database another process may be serving (`winebox backup`) or on a file that is
    /// not in place yet (a restore). Opening runs off Swift's cooperative pool.
    ///
    /// - Throws: ``StorageError`` `.cannotOpen` when `path` is not an existing regular file, and anything
    ///   ``init(path:configuration:)`` throws (`.corrupt` for a file that is not a database, …).
    public static func openExisting(at path: String, configuration: Configuration = Configuration()) async throws
        -> Database
    {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        try DatabaseFiles.requireRegularFile(path)
                        return try Database(path: path, configuration: configuration)
                    })
            }
        }
    }
}
