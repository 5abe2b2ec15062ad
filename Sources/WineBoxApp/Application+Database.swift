public import WineBoxConfig
public import WineBoxStorage

extension Application {
    /// Opens the database in the configured data directory as `serve` does, creating the directory and the file
    /// and applying migrations when needed; for commands that work on the database directly (`winebox xwines
    /// import`). Such commands may run while the server runs: SQLite serialises their writes.
    ///
    /// - Throws: ``ApplicationError`` when the data directory cannot be prepared; a storage error when the database
    ///   cannot be opened or migrated (the database is closed again).
    public static func openDatabase(configuration: AppConfiguration) async throws -> Database {
        let directory = try prepareDataDirectory(configuration.storage.dataDirectory)
        let database = try Database(path: directory + "/" + databaseFileName)
        do {
            try await Migrator(WineBoxMigrations.all).migrate(database)
        } catch {
            await database.close()
            throw error
        }
        return database
    }
}
