import Testing
import WineBoxDomain

@testable import WineBoxStorage

@Suite struct XWinesSearchKeysTests {
    @Test func wordsAreCutWhereTheTokenizerCuts() {
        #expect(XWinesSearchKeys.words("Château d'Yquem") == ["Château", "d", "Yquem"])
        #expect(XWinesSearchKeys.words("  casa   vald ") == ["casa", "vald"])
        #expect(XWinesSearchKeys.words("x²y a\u{200D}b") == ["x²y", "a", "b"])
        #expect(XWinesSearchKeys.words("cafe\u{301}s \u{301}") == ["cafe\u{301}s"])
        #expect(XWinesSearchKeys.words("\u{E000}tRed") == ["tRed"])
        #expect(XWinesSearchKeys.words("\"* NEAR( -") == ["NEAR"])
        #expect(XWinesSearchKeys.compact("Château d'Yquem") == "ChâteaudYquem")
        #expect(XWinesSearchKeys.compact("'\"*") == "")
        #expect(XWinesSearchKeys.literal("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }

    @Test func anyTextSearchesWithoutAnFTS5Error() async throws {
        try await withTemporaryDatabase { database in
            try await Migrator(WineBoxMigrations.all).migrate(database)
            try await database.write { connection in
                let wine = XWinesWine(
                    id: 1, name: "Château d'Yquem", wineType: "Dessert", countryCode: "FR", country: "France",
                    regionName: "Sauternes", wineryName: "Château d'Yquem")
                _ = try XWinesStore.upsert(wine, includingRatings: false, in: connection)
                try XWinesStore.beginSearchIndexRebuild(in: connection)
                _ = try XWinesStore.addToSearchIndex(offset: 0, limit: 10, in: connection)
                try XWinesStore.finishSearchIndexRebuild(in: connection)
            }
            let texts = [
                "x²y", "ǅemal", "a\u{200D}b", "किख", "cafe\u{301}", "\u{E000}tDessert", "\u{E001}ChâteaudYquem",
                "\"*", "NEAR(", "AND", "OR NOT", "l’amour", "^yq", "{name}: x", "a-b", "ßx", "\u{301} \u{301}", "ÿ*",
            ]
            for text in texts {
                let query = try XWinesSearchQuery(text: text, wineType: text, country: text)
                _ = try await database.read { try XWinesStore.search(query, in: $0) }
                _ = try await database.read { try XWinesStore.search(XWinesSearchQuery(text: text), in: $0) }
            }
            let found = try await database.read { connection in
                (
                    try XWinesStore.search(XWinesSearchQuery(text: "chateau d'y"), in: connection).total,
                    try XWinesStore.search(XWinesSearchQuery(text: "\u{E001}chateau"), in: connection).total,
                    try XWinesStore.search(XWinesSearchQuery(text: "tdessert"), in: connection).total,
                    try XWinesStore.search(XWinesSearchQuery(text: "yquem", wineType: "DESSERT"), in: connection).total
                )
            }
            #expect(found == (1, 1, 0, 1))
        }
    }
}
