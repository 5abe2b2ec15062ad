import Foundation
import Testing
import WineBoxStorage

@Suite struct ChangeGenerationTests {
    @Test func readsLeaveTheGenerationAloneAndEveryCommitMovesIt() async throws {
        try await withTemporaryDatabase { database in
            try await database.write { try $0.execute(sql: "CREATE TABLE t (x INTEGER)") }
            let start = database.changeGeneration()

            _ = try await database.read { try $0.query("SELECT count(*) FROM t") }
            #expect(database.changeGeneration() == start)

            try await database.write { try $0.execute("INSERT INTO t VALUES (1)") }
            let afterInsert = database.changeGeneration()
            #expect(afterInsert != start)
            #expect(database.changeGeneration() == afterInsert)
        }
    }

    @Test func aCommitByAnotherConnectionOfTheFileMovesIt() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/shared.sqlite"
            let server = try Database(path: path)
            try await server.write { try $0.execute(sql: "CREATE TABLE t (x INTEGER)") }
            let before = server.changeGeneration()

            // Another process (a `winebox user …` command beside the server) is another Database on the same file.
            let other = try Database(path: path)
            try await other.write { try $0.execute("INSERT INTO t VALUES (1)") }
            await other.close()

            #expect(server.changeGeneration() != before)
            await server.close()
        }
    }

    @Test func aTemporaryDatabaseCountsItsOwnWrites() async throws {
        let database = try Database(path: ":memory:")
        let before = database.changeGeneration()
        try await database.write { try $0.execute(sql: "CREATE TABLE t (x INTEGER)") }
        #expect(database.changeGeneration() != before)
        await database.close()
    }
}
