import Foundation
import Synchronization
import Testing
import WineBoxTesting

@testable import WineBoxStorage

@Suite struct BackupTests {
    @Test func aBackupTakenWhileWritesRunIsOneConsistentSnapshot() async throws {
        try await withTemporaryDirectory { directory in
            let database = try Database(path: directory + "/live.sqlite")
            try await database.write { connection in
                try connection.execute(
                    sql: "CREATE TABLE event (id INTEGER PRIMARY KEY, payload BLOB NOT NULL) STRICT")
            }
            // About 1 MB of rows, so that the copy below takes dozens of steps.
            let prefilled = try await database.write { connection in
                for _ in 0..<1_000 {
                    try connection.execute("INSERT INTO event (payload) VALUES (randomblob(1000))")
                }
                return try connection.query("SELECT id FROM event ORDER BY id").map { try $0.int64("id") }
            }
            let log = CommitLog(prefilled)

            // One task keeps committing rows, until `log.limit` are committed; it records each id once its
            // transaction has committed.
            let writer = Task {
                while !Task.isCancelled && !log.reachedLimit {
                    let id = try await database.write { connection in
                        try connection.execute("INSERT INTO event (payload) VALUES (randomblob(500))")
                        return connection.lastInsertRowID
                    }
                    log.append(id)
                }
            }
            #expect(await log.waitAsync(forCount: prefilled.count + 10))
            let committedBeforeBackup = log.values

            // At the first step the copy stops until the writer has committed 20 more rows, so writes provably land
            // while the backup runs. The wait blocks a database queue, never the cooperative pool.
            let firstStep = FirstStep()
            let snapshot = try await database.backup(to: directory + "/copy.sqlite", pagesPerStep: 8) { _ in
                firstStep.once {
                    let count = log.values.count
                    log.limit = count + 20
                    return (count, log.wait(forCount: count + 20))
                }
            }
            writer.cancel()
            try await writer.value
            let committed = log.values
            await database.close()

            let report = try await Database.inspectFile(at: snapshot.path, migrations: [])
            #expect(report.isIntact)
            let copy = try await Database.openExisting(at: snapshot.path)
            let copied = try await copy.read { connection in
                try connection.query("SELECT id FROM event ORDER BY id").map { try $0.int64("id") }
            }
            await copy.close()

            let (countAtFirstStep, writerKeptWriting) = try #require(firstStep.result)
            #expect(writerKeptWriting)
            #expect(copied == Array(committed.prefix(copied.count)), "the copy is a prefix of the commits, no gaps")
            #expect(copied.count >= committedBeforeBackup.count, "every row committed before the backup is in it")
            // The writer records an id just after its commit, so one committed row may not be in the log yet.
            #expect(copied.count <= countAtFirstStep + 1, "no row committed during the copy is in it")
            #expect(committed.count >= countAtFirstStep + 20)
        }
    }

    @Test func theCopyCarriesTheSchemaVersionAndInstanceAndIsPrivate() async throws {
        try await withTemporaryDirectory { directory in
            let database = try await Database.open(at: directory + "/winebox.sqlite3")
            let instance = try await database.instanceInfo()
            let progress = ProgressLog()
            let snapshot = try await database.backup(to: directory + "/copy.sqlite3") { progress.append($0) }
            await database.close()

            #expect(snapshot.schemaVersion == Migrator(WineBoxMigrations.all).latestVersion)
            #expect(snapshot.instanceID == instance.instanceID)
            let attributes = try FileManager.default.attributesOfItem(atPath: snapshot.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            #expect((attributes[.size] as? Int).map(Int64.init) == snapshot.byteCount)
            #expect(!FileManager.default.fileExists(atPath: snapshot.path + "-wal"))
            let last = try #require(progress.reports.last)
            #expect(last.copiedPages == last.totalPages)
            #expect(last.totalBytes == snapshot.byteCount)

            let report = try await Database.inspectFile(at: snapshot.path)
            #expect(report.isIntact)
            #expect(report.schemaVersion == snapshot.schemaVersion)
            #expect(report.instanceID == instance.instanceID)
            #expect(report.compatibilityProblem == nil)
        }
    }

    @Test func aBackupNeverOverwritesAFile() async throws {
        try await withTemporaryDirectory { directory in
            let existing = directory + "/keep.sqlite3"
            try Data("precious".utf8).write(to: URL(fileURLWithPath: existing))
            try await withTemporaryDatabase { database in
                let error = await #expect(throws: StorageError.self) {
                    try await database.backup(to: existing)
                }
                #expect(error?.code == .cannotOpen)
            }
            #expect(try String(contentsOfFile: existing, encoding: .utf8) == "precious")
        }
    }

    @Test func inspectionReportsDamageInsideADatabase() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/damaged.sqlite"
            let database = try Database(path: path)
            try await database.write { connection in
                try connection.execute(
                    sql: """
                        CREATE TABLE wine (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;
                        CREATE INDEX wine_name ON wine (name);
                        """)
                for number in 1...2_000 {
                    try connection.execute("INSERT INTO wine (name) VALUES (?)", [.text("wine-\(number)")])
                }
            }
            #expect(try await database.integrityCheck().isEmpty)
            await database.close()

            // Change one stored name in place: the table and its index now disagree.
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let marker = Array("wine-".utf8)
            let offset = try #require(
                (0...(bytes.count - marker.count)).last { Array(bytes[$0..<$0 + marker.count]) == marker })
            bytes.replaceSubrange(offset..<offset + marker.count, with: Array("WINE-".utf8))
            try Data(bytes).write(to: URL(fileURLWithPath: path))

            let report = try await Database.inspectFile(at: path, migrations: [])
            #expect(!report.isIntact)
            #expect(report.integrityProblems.contains { $0.contains("missing from index") })
        }
    }

    @Test func inspectionReportsASchemaFromANewerBuild() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/future.sqlite3"
            let future = Migration(version: WineBoxMigrations.all.count + 1, name: "from_the_future", sql: "SELECT 1")
            let database = try await Database.open(at: path, migrations: WineBoxMigrations.all + [future])
            await database.close()

            let report = try await Database.inspectFile(at: path)
            #expect(report.isIntact)
            #expect(report.schemaVersion == WineBoxMigrations.all.count + 1)
            #expect(report.compatibilityProblem?.contains("newer WineBox") == true)
        }
    }

    @Test func inspectionRefusesWhatIsNotADatabase() async throws {
        try await withTemporaryDirectory { directory in
            let missing = await #expect(throws: StorageError.self) {
                try await Database.inspectFile(at: directory + "/missing.sqlite3")
            }
            #expect(missing?.code == .cannotOpen)
            #expect(!FileManager.default.fileExists(atPath: directory + "/missing.sqlite3"))

            let text = directory + "/notes.txt"
            try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: text))
            let garbage = await #expect(throws: StorageError.self) { try await Database.inspectFile(at: text) }
            #expect(garbage?.code == .corrupt)
        }
    }
}

/// Runs a closure on the first call only and keeps its result.
private final class FirstStep: Sendable {
    private let stored = Mutex<(Int, Bool)?>(nil)

    func once(_ body: () -> (Int, Bool)) {
        stored.withLock { value in
            if value == nil {
                value = body()
            }
        }
    }

    var result: (Int, Bool)? { stored.withLock { $0 } }
}

/// Collects progress reports.
private final class ProgressLog: Sendable {
    private let stored = Mutex<[Database.BackupProgress]>([])

    func append(_ report: Database.BackupProgress) {
        stored.withLock { $0.append(report) }
    }

    var reports: [Database.BackupProgress] { stored.withLock { $0 } }
}
