import Dispatch
import Foundation
import Testing

@testable import WineBoxStorage

@Suite struct DatabaseTests {
    @Test func failedWriteChangesNothing() async throws {
        try await withTemporaryDatabase { database in
            try await database.write { connection in
                try connection.execute(sql: "CREATE TABLE wine (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT")
                try connection.execute("INSERT INTO wine (name) VALUES ('Chablis')")
            }
            await #expect(throws: DeliberateFailure.self) {
                try await database.write { connection in
                    try connection.execute("INSERT INTO wine (name) VALUES ('Sancerre')")
                    try connection.execute("DELETE FROM wine WHERE name = 'Chablis'")
                    throw DeliberateFailure()
                }
            }
            let names = try await database.read { connection in
                try connection.query("SELECT name FROM wine").map { try $0.string("name") }
            }
            #expect(names == ["Chablis"])
            let nextWriteRunsInATransaction = try await database.write { connection in connection.isInTransaction }
            #expect(nextWriteRunsInATransaction)
        }
    }

    @Test func concurrentWritesAreSerializedAndAllLand() async throws {
        try await withTemporaryDatabase { database in
            try await database.write { connection in
                try connection.execute(
                    sql: "CREATE TABLE counter (n INTEGER NOT NULL) STRICT; INSERT INTO counter VALUES (0);")
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<200 {
                    group.addTask {
                        try await database.write { connection in
                            // Read-modify-write in two statements: only correct if writes never interleave.
                            let current = try connection.queryOne("SELECT n FROM counter")?.int64("n") ?? -1
                            try connection.execute("UPDATE counter SET n = ?", [.integer(current + 1)])
                        }
                    }
                }
                try await group.waitForAll()
            }
            let total = try await database.read { connection in try connection.scalar("SELECT n FROM counter") }
            #expect(total == .integer(200))
        }
    }

    @Test func readCompletesWhileAWriteTransactionIsOpen() async throws {
        try await withTemporaryDatabase { database in
            try await database.write { connection in
                try connection.execute(sql: "CREATE TABLE bottle (id INTEGER PRIMARY KEY) STRICT")
            }
            let (writeStarted, signalWriteStarted) = AsyncStream<Void>.makeStream()
            let readFinished = DispatchSemaphore(value: 0)
            let writer = Task {
                try await database.write { connection in
                    try connection.execute("INSERT INTO bottle DEFAULT VALUES")
                    signalWriteStarted.yield()
                    // Holds the write transaction open until the read is done. If reads waited for the writer,
                    // this would time out and the test would fail instead of hanging.
                    guard readFinished.wait(timeout: .now() + 10) == .success else {
                        throw DeliberateFailure()
                    }
                }
            }
            var started = writeStarted.makeAsyncIterator()
            await started.next()
            let countDuringWrite = try await database.read { connection in
                try connection.scalar("SELECT count(*) FROM bottle")
            }
            readFinished.signal()
            try await writer.value
            let countAfterWrite = try await database.read { connection in
                try connection.scalar("SELECT count(*) FROM bottle")
            }
            #expect(countDuringWrite == .integer(0))
            #expect(countAfterWrite == .integer(1))
        }
    }

    @Test func overlappingReadsRunOnTwoReaders() async throws {
        try await withTemporaryDatabase { database in
            try await database.write { connection in
                try connection.execute(sql: "CREATE TABLE bottle (id INTEGER PRIMARY KEY) STRICT")
            }
            let (firstStarted, signalFirstStarted) = AsyncStream<Void>.makeStream()
            let secondFinished = DispatchSemaphore(value: 0)
            let first = Task {
                try await database.read { connection in
                    _ = try connection.scalar("SELECT count(*) FROM bottle")
                    signalFirstStarted.yield()
                    // Keeps the first reader busy until the second read is done. If the second read waited for
                    // this one, this would time out and the test would fail instead of hanging.
                    guard secondFinished.wait(timeout: .now() + 10) == .success else {
                        throw DeliberateFailure()
                    }
                    return ConnectionQueue.currentID
                }
            }
            var started = firstStarted.makeAsyncIterator()
            await started.next()
            // The second reader has not been needed before: it opens now.
            let second = try await database.read { connection in
                try connection.scalar("SELECT count(*) FROM bottle") == .integer(0) ? ConnectionQueue.currentID : nil
            }
            secondFinished.signal()
            let firstQueue = try await first.value
            #expect(second != nil)
            #expect(firstQueue != nil)
            #expect(firstQueue != second)
        }
    }

    @Test func closuresRunOnTheDatabaseQueueNeverOnTheCooperativePool() async throws {
        try await withTemporaryDatabase { database in
            #expect(ConnectionQueue.currentID == nil)
            let readOnQueue = try await database.read { connection in connection.isOnDatabaseQueue }
            let writeOnQueue = try await database.write { connection in connection.isOnDatabaseQueue }
            let readQueueID = try await database.read { _ in ConnectionQueue.currentID }
            let writeQueueID = try await database.write { _ in ConnectionQueue.currentID }
            #expect(readOnQueue)
            #expect(writeOnQueue)
            #expect(readQueueID != nil)
            #expect(writeQueueID != nil)
            #expect(readQueueID != writeQueueID)

            let blocking = try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(
                        with: Result {
                            (
                                try database.readBlocking { connection in connection.isOnDatabaseQueue },
                                try database.writeBlocking { connection in connection.isOnDatabaseQueue }
                            )
                        })
                }
            }
            #expect(blocking.0)
            #expect(blocking.1)
        }
    }

    @Test func closeIsIdempotentAndLaterCallsThrowClosed() async throws {
        try await withTemporaryDirectory { directory in
            let database = try Database(path: directory + "/closing.sqlite")
            try await database.write { connection in try connection.execute(sql: "CREATE TABLE t (x INTEGER)") }
            await database.close()
            await database.close()
            database.closeBlocking()
            let read = await #expect(throws: StorageError.self) {
                try await database.read { connection in try connection.scalar("SELECT 1") }
            }
            #expect(read?.code == .closed)
            let write = await #expect(throws: StorageError.self) {
                try await database.write { connection in try connection.execute("DELETE FROM t") }
            }
            #expect(write?.code == .closed)
            let blocking = #expect(throws: StorageError.self) {
                try database.readBlocking { connection in try connection.scalar("SELECT 1") }
            }
            #expect(blocking?.code == .closed)
            #expect(!FileManager.default.fileExists(atPath: directory + "/closing.sqlite-wal"))
        }
    }

    @Test func closeWaitsForQueuedWork() async throws {
        try await withTemporaryDirectory { directory in
            let database = try Database(path: directory + "/draining.sqlite")
            try await database.write { connection in try connection.execute(sql: "CREATE TABLE t (x INTEGER)") }
            let writes = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for value in 0..<20 {
                        group.addTask {
                            try? await database.write { connection in
                                try connection.execute("INSERT INTO t VALUES (?)", [SQLValue(value)])
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            try await Task.sleep(for: .milliseconds(5))
            await database.close()
            try await writes.value
            let reopened = try Database(path: directory + "/draining.sqlite")
            let count = try await reopened.read { connection in try connection.scalar("SELECT count(*) FROM t") }
            await reopened.close()
            // Every write that was queued before close() finished; later ones were refused, none half-applied.
            guard case .integer(let landed) = count else {
                Issue.record("count(*) did not return an integer")
                return
            }
            #expect((0...20).contains(landed))
        }
    }

    @Test func readsCannotWrite() async throws {
        try await withTemporaryDatabase { database in
            try await database.write { connection in try connection.execute(sql: "CREATE TABLE t (x INTEGER)") }
            let error = await #expect(throws: StorageError.self) {
                try await database.read { connection in try connection.execute("INSERT INTO t VALUES (1)") }
            }
            #expect(error?.code == .readOnly)
        }
        let memory = try Database(path: ":memory:")
        try await memory.write { connection in try connection.execute(sql: "CREATE TABLE t (x INTEGER)") }
        let error = await #expect(throws: StorageError.self) {
            try await memory.read { connection in try connection.execute("INSERT INTO t VALUES (1)") }
        }
        #expect(error?.code == .readOnly)
        try await memory.write { connection in try connection.execute("INSERT INTO t VALUES (1)") }
        let count = try await memory.read { connection in try connection.scalar("SELECT count(*) FROM t") }
        #expect(count == .integer(1))
        await memory.close()
    }

    @Test func inMemoryDatabaseSharesOneConnectionForReadsAndWrites() async throws {
        let database = try Database(path: ":memory:")
        try await database.write { connection in
            try connection.execute(sql: "CREATE TABLE grape (name TEXT NOT NULL) STRICT")
            try connection.execute("INSERT INTO grape VALUES ('Nebbiolo')")
        }
        let name = try await database.read { connection in try connection.queryOne("SELECT name FROM grape") }
        let queues = try await (
            database.read { _ in ConnectionQueue.currentID }, database.write { _ in ConnectionQueue.currentID }
        )
        #expect(try name?.string("name") == "Nebbiolo")
        #expect(queues.0 == queues.1)
        await database.close()
    }

    @Test func openCreatesAPrivateDirectoryAndFileAndMigrates() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/nested/data/winebox.sqlite"
            let database = try await Database.open(at: path)
            let info = try await database.instanceInfo()
            try await database.write { connection in try connection.execute(sql: "CREATE TABLE probe (x INTEGER)") }
            let walExists = FileManager.default.fileExists(atPath: path + "-wal")
            await database.close()

            #expect(info.schemaVersion == Migrator(WineBoxMigrations.all).latestVersion)
            #expect(try Self.permissions(directory + "/nested") == 0o700)
            #expect(try Self.permissions(directory + "/nested/data") == 0o700)
            #expect(try Self.permissions(path) == 0o600)
            #expect(walExists)

            let reopened = try await Database.open(at: path)
            let again = try await reopened.instanceInfo()
            await reopened.close()
            #expect(again == info)
        }
    }

    private static func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
