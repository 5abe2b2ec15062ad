import Foundation
import Testing
import WineBoxDomain
import WineBoxStorage

/// Candidate retrieval for label matching (`XWinesStore.candidates(forWords:limit:in:)`) and the word counts of
/// migration 5 behind it.
@Suite struct XWinesCandidatesTests {
    static let reference = [
        XWinesWine(
            id: 1, name: "Origem Merlot", wineType: "Red", regionName: "Vale dos Vinhedos", wineryName: "Casa Valduga",
            ratingCount: 5),
        XWinesWine(
            id: 2, name: "Pátria Alentejo Selection Reserva", wineType: "Red", regionName: "Alentejo",
            wineryName: "Carmim", ratingCount: 3),
        XWinesWine(
            id: 3, name: "Calda Bordaleza Tinto", wineType: "Red", regionName: "Bairrada", wineryName: "Campolargo"),
        XWinesWine(
            id: 4, name: "Reserva Chardonnay", wineType: "White", regionName: "Serra Gaúcha", wineryName: "Aurora",
            ratingCount: 9),
        XWinesWine(
            id: 5, name: "Grand Vin", wineType: "Red", regionName: "Pauillac", wineryName: "Château Latour",
            ratingCount: 40),
    ]

    func withReference(_ body: (Database) async throws -> Void) async throws {
        try await withTemporaryDatabase { database in
            try await Migrator(WineBoxMigrations.all).migrate(database)
            try XWinesReferenceLoader.store(Self.reference, into: database)
            try XWinesReferenceLoader.rebuildSearchIndex(of: database)
            try await body(database)
        }
    }

    func candidateIDs(_ text: String, limit: Int = 100, in database: Database) throws -> [Int] {
        try database.readBlocking { connection in
            try XWinesStore.candidates(forWords: [text], limit: limit, in: connection).wines.map(\.id)
        }
    }

    /// Expects the candidates for `text` to be the wines `ids`, in this order.
    func expect(
        _ text: String, finds ids: [Int], limit: Int = 100, in database: Database,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let found = try candidateIDs(text, limit: limit, in: database)
        #expect(found == ids, "candidates for \(text)", sourceLocation: sourceLocation)
    }

    @Test func noisyWordsFindTheirWines() async throws {
        try await withReference { database in
            // Case and accents do not matter.
            try expect("PATRIA", finds: [2], in: database)
            // A misread end still finds the word by its first four letters.
            try expect("ORIGEE", finds: [1], in: database)
            // Pieces OCR split are joined back.
            try expect("CAMPOL “A RGO", finds: [3], in: database)
            // The wine with more of the rare words comes first; a common word alone still finds its wines.
            try expect("RESERVA CHARDONNAY", finds: [4, 2], in: database)
            try expect("reserva", finds: [4, 2], in: database)
            try expect("reserva", finds: [4], limit: 1, in: database)
        }
    }

    @Test func labelsWithoutKnownWordsFindNothing() async throws {
        try await withReference { database in
            try expect("", finds: [], in: database)
            try expect("~~ — | 2019 de la", finds: [], in: database)
            try expect("ZZZZZ QQQQQ", finds: [], in: database)
            // FTS5 syntax in the text is plain text.
            try expect("\"calda\" OR * NEAR(", finds: [3], in: database)
        }
        try await withTemporaryDatabase { database in
            try await Migrator(WineBoxMigrations.all).migrate(database)
            try expect("Casa Valduga", finds: [], in: database)
        }
    }

    @Test func statisticsCountTheWinesOfEachWord() async throws {
        try await withReference { database in
            let candidates = try await database.read { connection in
                try XWinesStore.candidates(forWords: ["Reserva", "Aurora"], in: connection)
            }
            #expect(candidates.wines.map(\.id) == [4, 2])
            let statistics = candidates.statistics
            #expect(statistics.wineCount == 5)
            #expect(statistics.documentFrequencies["reserva"] == 2)
            #expect(statistics.documentFrequencies["aurora"] == 1)
            #expect(statistics.documentFrequencies["gaucha"] == 1)
            #expect(statistics.documentFrequencies["alentejo"] == 1)
            #expect(statistics.weight(of: "aurora") > statistics.weight(of: "reserva"))
        }
    }

    @Test func wordCountsFollowEachImport() async throws {
        try await withReference { database in
            var renamed = Self.reference[4]
            renamed.name = "Reserva Especial"
            try XWinesReferenceLoader.store([renamed], into: database)
            try XWinesReferenceLoader.rebuildSearchIndex(of: database)
            let counts = try await database.read { connection in
                try connection.query("SELECT word, wines FROM xwines_word WHERE word IN ('reserva', 'grand', 'vin')")
                    .map { (try $0.string(at: 0), try $0.int(at: 1)) }
            }
            #expect(Dictionary(uniqueKeysWithValues: counts) == ["reserva": 3])
            try expect("RESERVA ESPECIAL", finds: [5, 4, 2], in: database)
            // The index's private tokens (whole names, filter facets) are not words.
            let privateTokens = try await database.read { connection in
                try connection.scalar("SELECT count(*) FROM xwines_word WHERE unicode(word) >= 57344")
            }
            #expect(privateTokens == .integer(0))
        }
    }

    @Test func migrationFiveCountsTheWordsOfAnEarlierImport() async throws {
        try await withTemporaryDatabase { database in
            try await Migrator(Array(WineBoxMigrations.all.prefix(4))).migrate(database)
            try database.writeBlocking { connection in
                for wine in Self.reference {
                    _ = try XWinesStore.upsert(wine, includingRatings: true, in: connection)
                }
                try XWinesStore.beginSearchIndexRebuild(in: connection)
                _ = try XWinesStore.addToSearchIndex(offset: 0, limit: 100, in: connection)
                try connection.execute(
                    sql: """
                        INSERT INTO xwines_search_next (xwines_search_next) VALUES ('optimize');
                        DROP TABLE xwines_search;
                        ALTER TABLE xwines_search_next RENAME TO xwines_search;
                        """)
            }
            try await Migrator(WineBoxMigrations.all).migrate(database)
            try expect("Casa Valduga", finds: [1], in: database)
            let reserva = try await database.read { connection in
                try connection.scalar("SELECT wines FROM xwines_word WHERE word = 'reserva'")
            }
            #expect(reserva == .integer(2))
        }
    }
}
