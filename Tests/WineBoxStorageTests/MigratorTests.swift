import Foundation
import Testing

@testable import WineBoxStorage

@Suite struct MigratorTests {
    /// Three migrations mixing SQL scripts and Swift closures, DDL and data changes.
    static let synthetic: [Migration] = [
        Migration(
            version: 1, name: "create_wine",
            sql: """
                CREATE TABLE wine (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;
                INSERT INTO wine (name) VALUES ('Tokaji');
                """),
        Migration(version: 2, name: "add_wine_vintage") { connection in
            try connection.execute(sql: "ALTER TABLE wine ADD COLUMN vintage INTEGER")
            try connection.execute("UPDATE wine SET vintage = ?", [1_999])
        },
        Migration(
            version: 3, name: "create_bottle",
            sql: """
                CREATE TABLE bottle (id INTEGER PRIMARY KEY, wine_id INTEGER NOT NULL REFERENCES wine(id)) STRICT;
                CREATE INDEX bottle_wine_id ON bottle(wine_id);
                CREATE INDEX wine_name ON wine(name);
                """),
    ]

    @Test func freshDatabaseMigratesToTheLatestVersion() async throws {
        try await withTemporaryDatabase { database in
            let migrator = Migrator(WineBoxMigrations.all)
            let applied = try await migrator.migrate(database)
            #expect(applied.map(\.version) == Array(1...migrator.latestVersion))
            #expect(try await migrator.currentVersion(of: database) == migrator.latestVersion)
            #expect(try await database.schemaVersion() == migrator.latestVersion)

            let info = try await database.instanceInfo()
            #expect(info.schemaVersion == migrator.latestVersion)
            #expect(abs(info.createdAt.timeIntervalSinceNow) < 60)

            let history = try await database.read { connection in
                try connection.query("SELECT version, name, applied_at FROM schema_migration ORDER BY version")
            }
            #expect(try history.map { try $0.string("name") } == WineBoxMigrations.all.map(\.name))
            #expect(try history.allSatisfy { Timestamp.date(from: try $0.string("applied_at")) != nil })

            let secondRun = try await migrator.migrate(database)
            #expect(secondRun.isEmpty)
        }
    }

    @Test func instanceInfoNeedsAMigratedDatabase() async throws {
        try await withTemporaryDatabase { database in
            let error = await #expect(throws: StorageError.self) { try await database.instanceInfo() }
            let version = try await database.schemaVersion()
            #expect(error?.code == .notFound)
            #expect(version == 0)
        }
    }

    @Test(arguments: MigrationListFixture.allCases)
    func databaseAtEveryEarlierVersionUpgradesToTheFreshSchema(_ fixture: MigrationListFixture) async throws {
        let migrator = Migrator(fixture.migrations)
        let fresh = try await withTemporaryDatabase { database in
            try await migrator.migrate(database)
            return try await Self.schema(of: database)
        }
        #expect(!fresh.objects.isEmpty)
        for startVersion in 0..<migrator.latestVersion {
            try await withTemporaryDatabase { database in
                let early = try await migrator.migrate(database, upTo: startVersion)
                #expect(early.count == startVersion)
                #expect(try await migrator.currentVersion(of: database) == startVersion)

                let rest = try await migrator.migrate(database)
                #expect(rest.map(\.version) == Array((startVersion + 1)...migrator.latestVersion))
                let upgraded = try await Self.schema(of: database)
                #expect(upgraded == fresh, "upgrading from version \(startVersion) ends with a different schema")
            }
        }
    }

    @Test func databaseFromANewerWineBoxIsRefused() async throws {
        try await withTemporaryDatabase { database in
            try await Migrator(Self.synthetic).migrate(database)
            let older = Migrator(Array(Self.synthetic.prefix(2)))
            let error = await #expect(throws: StorageError.self) { try await older.migrate(database) }
            #expect(error?.code == .schemaTooNew)
            #expect(error?.message.contains("written by a newer WineBox") == true)
            #expect(try await database.schemaVersion() == 3)
        }
    }

    @Test func recordedNameThatDiffersIsRefused() async throws {
        try await withTemporaryDatabase { database in
            try await Migrator(Array(Self.synthetic.prefix(2))).migrate(database)
            var renamed = Self.synthetic
            renamed[1] = Migration(version: 2, name: "add_wine_year", sql: "SELECT 1")
            let error = await #expect(throws: StorageError.self) { try await Migrator(renamed).migrate(database) }
            #expect(error?.code == .schemaMismatch)
            #expect(error?.message.contains("add_wine_vintage") == true)
            #expect(try await database.schemaVersion() == 2)
            #expect(try await database.read { connection in try connection.tableExists("bottle") } == false)
        }
    }

    @Test func failingClosureMigrationLeavesThePreviousVersion() async throws {
        let failing =
            Array(Self.synthetic.prefix(1)) + [
                Migration(version: 2, name: "half_done") { connection in
                    try connection.execute(sql: "CREATE TABLE half_done (x INTEGER)")
                    try connection.execute("DELETE FROM wine")
                    throw DeliberateFailure()
                }
            ]
        try await Self.expectFailureLeavesVersionOne(failing)
    }

    @Test func failingSQLMigrationLeavesThePreviousVersion() async throws {
        let failing =
            Array(Self.synthetic.prefix(1)) + [
                Migration(
                    version: 2, name: "broken_script",
                    sql: "CREATE TABLE half_done (x INTEGER); DELETE FROM wine; INSERT INTO no_such_table VALUES (1);")
            ]
        try await Self.expectFailureLeavesVersionOne(failing)
    }

    @Test func migrationLeavingDanglingForeignKeysFails() async throws {
        let dangling =
            Array(Self.synthetic.prefix(1)) + [
                Migration(version: 2, name: "dangling") { connection in
                    try connection.execute(sql: "PRAGMA defer_foreign_keys = ON")
                    try connection.execute(
                        sql: """
                            CREATE TABLE half_done (wine_id INTEGER REFERENCES wine(id));
                            INSERT INTO half_done VALUES (12345);
                            """)
                }
            ]
        try await Self.expectFailureLeavesVersionOne(dangling)
    }

    @Test func migrationListWithAGapTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = Migrator([
                Migration(version: 1, name: "one", sql: "SELECT 1"),
                Migration(version: 3, name: "three", sql: "SELECT 1"),
            ])
        }
    }

    // MARK: Helpers

    private static func expectFailureLeavesVersionOne(_ migrations: [Migration]) async throws {
        try await withTemporaryDatabase { database in
            let error = await #expect(throws: StorageError.self) { try await Migrator(migrations).migrate(database) }
            #expect(error?.code == .migrationFailed)
            #expect(error?.message.contains(migrations[1].name) == true)
            #expect(try await database.schemaVersion() == 1)
            let state = try await database.read { connection in
                (try connection.tableExists("half_done"), try connection.scalar("SELECT count(*) FROM wine"))
            }
            #expect(state.0 == false)
            #expect(state.1 == .integer(1))
        }
    }

    struct Schema: Equatable, Sendable {
        var objects: [[SQLValue]]
        var history: [[SQLValue]]
    }

    private static func schema(of database: Database) async throws -> Schema {
        try await database.read { connection in
            Schema(
                objects: try connection.query(
                    "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name"
                ).map(\.values),
                history: try connection.query("SELECT version, name FROM schema_migration ORDER BY version").map(
                    \.values))
        }
    }
}
