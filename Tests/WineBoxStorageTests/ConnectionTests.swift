import Testing

@testable import WineBoxStorage

@Suite struct ConnectionTests {
    @Test func pragmasAreInEffectOnTheWriterAndTheReaders() async throws {
        try await withTemporaryDatabase { database in
            for settings in [try await database.write(Self.settings), try await database.read(Self.settings)] {
                #expect(settings.journalMode == .text("wal"))
                #expect(settings.foreignKeys == .integer(1))
                #expect(settings.synchronous == .integer(2))
                #expect(settings.busyTimeout == .integer(5_000))
            }
        }
    }

    @Test func busyTimeoutComesFromTheConfiguration() async throws {
        let configuration = Database.Configuration(readerCount: 1, busyTimeout: .milliseconds(1_234))
        try await withTemporaryDatabase(configuration: configuration) { database in
            let writer = try await database.write(Self.settings)
            let reader = try await database.read(Self.settings)
            #expect(writer.busyTimeout == .integer(1_234))
            #expect(reader.busyTimeout == .integer(1_234))
        }
    }

    @Test func doubleQuotedStringLiteralsAreRejected() async throws {
        try await withTemporaryDatabase { database in
            let error = await #expect(throws: StorageError.self) {
                try await database.read { connection in try connection.scalar("SELECT \"not_a_column\"") }
            }
            #expect(error?.code == .sqlError)
            #expect(error?.message.contains("not_a_column") == true)
        }
    }

    @Test func statementCacheReusesTheSamePreparedStatement() async throws {
        try await withTemporaryDatabase { database in
            let (sameObject, countAfterFirst, countAfterMore, answers) = try await database.write { connection in
                let sql = "SELECT ? + 1"
                let first = try connection.cachedStatement(sql: sql)
                let again = try connection.cachedStatement(sql: sql)
                let countAfterFirst = connection.cachedStatementCount
                var answers: [SQLValue?] = []
                for number in 1...3 {
                    answers.append(try connection.scalar(sql, [.integer(Int64(number))]))
                }
                return (first === again, countAfterFirst, connection.cachedStatementCount, answers)
            }
            #expect(sameObject)
            #expect(countAfterFirst == countAfterMore)
            #expect(answers == [.integer(2), .integer(3), .integer(4)])

            let survivesTransactions = try await database.write { connection in
                ObjectIdentifier(try connection.cachedStatement(sql: "SELECT 42"))
            }
            let nextTransaction = try await database.write { connection in
                ObjectIdentifier(try connection.cachedStatement(sql: "SELECT 42"))
            }
            #expect(survivesTransactions == nextTransaction)
        }
    }

    @Test func everyValueTypeRoundTrips() async throws {
        let values: [SQLValue] = [
            nil, 0, .integer(.min), .integer(.max), -1, 3.141_592_653_589_793, -0.5, 1e300, "",
            "Château Margaux 1996 — 🍷 日本語 Ωμέγα", .text("before\u{0}after"), .blob([]), .blob([0, 1, 0, 255, 0]),
            .blob(Array(0...255)), true, false,
        ]
        try await withTemporaryDatabase { database in
            let stored = try await database.write { connection in
                try connection.execute(sql: "CREATE TABLE value_store (id INTEGER PRIMARY KEY, value ANY) STRICT")
                for value in values {
                    try connection.execute("INSERT INTO value_store (value) VALUES (?)", [value])
                }
                return try connection.query("SELECT value FROM value_store ORDER BY id").map { $0.values[0] }
            }
            #expect(stored == values)
        }
    }

    @Test func typedGettersReadByNameAndIndex() async throws {
        try await withTemporaryDatabase { database in
            let row = try await database.read { connection in
                try connection.queryOne(
                    """
                    SELECT 'Pétrus' AS name, 2000 AS vintage, 13.5 AS alcohol, x'00FF00' AS label, NULL AS note,
                        1 AS ok
                    """)
            }
            let unwrapped = try #require(row)
            #expect(try unwrapped.string("name") == "Pétrus")
            #expect(try unwrapped.string("NAME") == "Pétrus")
            #expect(try unwrapped.string(at: 0) == "Pétrus")
            #expect(try unwrapped.int64("vintage") == 2_000)
            #expect(try unwrapped.int(at: 1) == 2_000)
            #expect(try unwrapped.double("alcohol") == 13.5)
            #expect(try unwrapped.double("vintage") == 2_000)
            #expect(try unwrapped.blob("label") == [0, 255, 0])
            #expect(try unwrapped.nullableString("note") == nil)
            #expect(try unwrapped.isNull("note"))
            #expect(try unwrapped.bool("ok"))
        }
    }

    @Test func typedGettersThrowClearErrorsForMismatchesAndMissingColumns() async throws {
        let row = Row(columnNames: ["name", "note"], values: ["secret value", nil])
        let mismatch = #expect(throws: StorageError.self) { try row.int64("name") }
        #expect(mismatch?.code == .typeMismatch)
        #expect(mismatch?.message == "Column 'name' holds TEXT, expected INTEGER.")
        let null = #expect(throws: StorageError.self) { try row.string("note") }
        #expect(null?.code == .typeMismatch)
        let missing = #expect(throws: StorageError.self) { try row.string("vintage") }
        #expect(missing?.code == .columnNotFound)
        #expect(missing?.message.contains("vintage") == true)
        let outOfRange = #expect(throws: StorageError.self) { try row.string(at: 2) }
        #expect(outOfRange?.code == .columnNotFound)
        for error in [mismatch, null, missing, outOfRange] {
            #expect(error?.description.contains("secret") == false)
        }
    }

    @Test func constraintViolationBecomesConstraintErrorWithoutValues() async throws {
        try await withTemporaryDatabase { database in
            try await database.write { connection in
                try connection.execute(
                    sql: """
                        CREATE TABLE account (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE) STRICT;
                        CREATE TABLE session (
                            id INTEGER PRIMARY KEY,
                            account_id INTEGER NOT NULL REFERENCES account(id),
                            lifetime INTEGER NOT NULL CHECK (lifetime > 0)
                        ) STRICT;
                        """)
                try connection.execute("INSERT INTO account (email) VALUES (?)", ["sommelier@example.com"])
            }
            let duplicate = await #expect(throws: StorageError.self) {
                try await database.write { connection in
                    try connection.execute("INSERT INTO account (email) VALUES (?)", ["sommelier@example.com"])
                }
            }
            #expect(duplicate?.code == .constraint)
            #expect(duplicate?.isUniqueConstraintViolation == true)
            #expect(duplicate?.sqliteResultCode == 2_067)
            #expect(duplicate?.message.contains("sommelier") == false)
            #expect(duplicate?.description.contains("sommelier") == false)

            let foreignKey = await #expect(throws: StorageError.self) {
                try await database.write { connection in
                    try connection.execute("INSERT INTO session (account_id, lifetime) VALUES (?, ?)", [99, 60])
                }
            }
            #expect(foreignKey?.isForeignKeyViolation == true)
            let check = await #expect(throws: StorageError.self) {
                try await database.write { connection in
                    try connection.execute("INSERT INTO session (account_id, lifetime) VALUES (?, ?)", [1, -5])
                }
            }
            #expect(check?.isCheckConstraintViolation == true)
            let notNull = await #expect(throws: StorageError.self) {
                try await database.write { connection in
                    try connection.execute("INSERT INTO account (email) VALUES (?)", [nil])
                }
            }
            #expect(notNull?.isNotNullConstraintViolation == true)
        }
    }

    @Test func preparedStatementsRejectScriptsAndWrongArgumentCounts() async throws {
        try await withTemporaryDatabase { database in
            let script = await #expect(throws: StorageError.self) {
                try await database.write { connection in try connection.execute("SELECT 1; SELECT 2") }
            }
            #expect(script?.code == .misuse)
            let arguments = await #expect(throws: StorageError.self) {
                try await database.write { connection in try connection.execute("SELECT ?", [1, 2]) }
            }
            #expect(arguments?.code == .misuse)
            let trailingComment = try await database.read { connection in
                try connection.scalar("SELECT 7; -- a trailing comment is fine")
            }
            #expect(trailingComment == .integer(7))
        }
    }

    @Test func lastInsertRowIDAndChangesReportTheLastStatement() async throws {
        try await withTemporaryDatabase { database in
            let (rowID, changes) = try await database.write { connection in
                try connection.execute(sql: "CREATE TABLE wine (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT")
                try connection.execute("INSERT INTO wine (name) VALUES (?), (?)", ["Barolo", "Rioja"])
                let rowID = connection.lastInsertRowID
                try connection.execute("UPDATE wine SET name = upper(name)")
                return (rowID, connection.changes)
            }
            #expect(rowID == 2)
            #expect(changes == 2)
        }
    }

    private struct Settings: Sendable {
        var journalMode: SQLValue?
        var foreignKeys: SQLValue?
        var synchronous: SQLValue?
        var busyTimeout: SQLValue?
    }

    @Sendable private static func settings(_ connection: Connection) throws -> Settings {
        Settings(
            journalMode: try connection.scalar("PRAGMA journal_mode"),
            foreignKeys: try connection.scalar("PRAGMA foreign_keys"),
            synchronous: try connection.scalar("PRAGMA synchronous"),
            busyTimeout: try connection.scalar("PRAGMA busy_timeout"))
    }
}
