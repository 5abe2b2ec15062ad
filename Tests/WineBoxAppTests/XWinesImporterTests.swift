import Foundation
import Testing
import WineBoxDomain
import WineBoxStorage
import WineBoxTesting

@testable import WineBoxApp

@Suite struct XWinesImporterTests {
    /// Every stored row of the reference tables, to compare two imports.
    private func snapshot(_ database: Database) async throws -> [Row] {
        try await database.read { connection in
            try connection.query("SELECT * FROM xwines_wine ORDER BY id")
                + connection.query("SELECT rowid, * FROM xwines_search ORDER BY rowid")
        }
    }

    @Test func theTestVersionLoadsAndASecondImportChangesNothing() async throws {
        try await XWinesFixtures.withDatabase { database, _ in
            let importer = XWinesImporter(database: database)
            let first = try await importer.importFile(
                SharedData.xwinesTestWines, ratings: SharedData.xwinesTestRatings)
            #expect(first.variant == .test)
            #expect(first.winesRead == 100)
            #expect(first.inserted == 100)
            #expect(first.skipped == 0)
            #expect(first.ratingsRead == 1_000)
            #expect(first.ratingsUnmatched == 0)
            #expect(first.wineCount == 100)
            let before = try await snapshot(database)
            #expect(before.count == 200)

            let second = try await importer.importFile(
                SharedData.xwinesTestWines, ratings: SharedData.xwinesTestRatings)
            #expect(second.inserted == 0)
            #expect(second.updated == 0)
            #expect(second.unchanged == 100)
            #expect(try await snapshot(database) == before)

            let metadata = try await database.read { try XWinesStore.metadata(in: $0) }
            #expect(metadata?.variant == .test)
            #expect(metadata?.source == "XWines_Test_100_wines.csv")
            #expect(metadata?.ratingsSource == "XWines_Test_1K_ratings.csv")
            #expect(metadata?.wineCount == 100)
            #expect(metadata?.ratingCount == 1_000)
        }
    }

    @Test func ratingsMatchAHandCalculationOverTheRealRatingsFile() async throws {
        try await XWinesFixtures.withDatabase { database, _ in
            try await XWinesImporter(database: database).importFile(
                SharedData.xwinesTestWines, ratings: SharedData.xwinesTestRatings)
            let wines = try await database.read { connection in
                try [100062, 111478, 102055].map { try XWinesStore.wine(id: $0, in: connection) }
            }
            // 100062 Origem Merlot: 21 ratings adding up to 86.5 (3.0 ×2, 3.5 ×6, 4.0 ×5, 4.5, 5.0 ×7) → 4.119 → 4.12.
            #expect(wines[0]?.ratingCount == 21)
            #expect(wines[0]?.averageRating == 4.12)
            // 111478: 22 ratings adding up to 91.0 → 4.136 → 4.14.
            #expect(wines[1]?.ratingCount == 22)
            #expect(wines[1]?.averageRating == 4.14)
            // 102055 Fine Ruby Port: 25 ratings adding up to 89.5 → 3.58 exactly.
            #expect(wines[2]?.ratingCount == 25)
            #expect(wines[2]?.averageRating == 3.58)
        }
    }

    @Test func anImportWithoutRatingsKeepsTheStoredRatings() async throws {
        try await XWinesFixtures.withDatabase { database, _ in
            let importer = XWinesImporter(database: database)
            try await importer.importFile(SharedData.xwinesTestWines, ratings: SharedData.xwinesTestRatings)
            let again = try await importer.importFile(SharedData.xwinesTestWines)
            #expect(again.unchanged == 100)
            let wine = try await database.read { try XWinesStore.wine(id: 100062, in: $0) }
            #expect(wine?.ratingCount == 21)
        }
    }

    @Test func theWineIsReadBackWithEveryField() async throws {
        try await XWinesFixtures.withDatabase { database, _ in
            try await XWinesImporter(database: database).importFile(SharedData.xwinesTestWines)
            let port = try #require(try await database.read { try XWinesStore.wine(id: 101847, in: $0) })
            #expect(port.name == "Dona Antonia Porto Reserva Tawny")
            #expect(port.wineType == "Dessert/Port")
            #expect(port.grapes == ["Touriga Nacional", "Touriga Franca", "Tinta Barroca", "Tinta Amarela"])
            #expect(port.harmonize == ["Appetizer", "Sweet Dessert", "Blue Cheese"])
            #expect(port.abv == 20.0)
            #expect(port.countryCode == "PT")
            #expect(port.regionName == "Porto")
            #expect(port.wineryName == "Porto Ferreira")
            #expect(port.vintages.first == .year(2021))
            #expect(port.vintages.last == .label("N.V."))
            #expect(port.averageRating == nil)
            #expect(port.ratingCount == 0)
            #expect(XWinesCellarFields(port).wineType == "dessert")
        }
    }

    @Test func aFileThatIsNotAnXWinesFileIsRefusedAndChangesNothing() async throws {
        try await XWinesFixtures.withDatabase { database, directory in
            let importer = XWinesImporter(database: database)
            await #expect(
                throws: WineBoxError(
                    .invalidInput, "This is not an X-Wines wines file: its header has no 'WineName' column")
            ) { try await importer.importFile(SharedData.xwinesTestRatings) }
            await #expect(
                throws: WineBoxError(
                    .invalidInput, "This is not an X-Wines ratings file: its header has no 'Rating' column")
            ) { try await importer.importFile(SharedData.xwinesTestWines, ratings: SharedData.xwinesTestWines) }
            let missing = directory.file("missing.csv")
            await #expect(throws: WineBoxError(.invalidInput, "\(missing): no such file")) {
                try await importer.importFile(missing)
            }
            let empty = try directory.write("", to: "empty.csv")
            await #expect(throws: WineBoxError(.invalidInput, "empty.csv is empty")) {
                try await importer.importFile(empty)
            }
            let counts = try await database.read { connection in
                (try XWinesStore.wineCount(in: connection), try XWinesStore.metadata(in: connection))
            }
            #expect(counts.0 == 0)
            #expect(counts.1 == nil)
        }
    }

    @Test func badRowsAreSkippedCountedAndReportedByLine() async throws {
        try await XWinesFixtures.withDatabase { database, directory in
            let good = XWinesFixtures.winesCSV([.init(id: 1, name: "Barolo")])
            let text =
                good
                + "2,Broken,Red,x,['a'],['b'],strong,Light,Low,IT,Italy,1,R,2,W,,[2019]\n"
                + "3,Too few fields\n"
                + "4,\"Two\nLines\",Red,x,['a'],['b'],12,Light,Low,IT,Italy,1,R,2,W,,[2019]\n"
                + "5,Bad list,Red,x,Merlot,['b'],12,Light,Low,IT,Italy,1,R,2,W,,[2019]\n"
            let path = try directory.write(text, to: "wines.csv")
            let summary = try await XWinesImporter(database: database).importFile(path)
            #expect(summary.winesRead == 5)
            #expect(summary.inserted == 2)
            #expect(summary.skipped == 3)
            #expect(
                summary.problems == [
                    "Line 3: ABV is not a percentage", "Line 4: 2 fields instead of 17",
                    "Line 7: Grapes is not a list",
                ])
            let twoLines = try await database.read { try XWinesStore.wine(id: 4, in: $0) }
            #expect(twoLines?.name == "Two\nLines")
        }
    }

    @Test func aChangedWineIsUpdatedAndSearchedUnderItsNewName() async throws {
        try await XWinesFixtures.withDatabase { database, directory in
            var wines: [XWinesFixtures.Wine] = [.init(id: 1, name: "Barolo"), .init(id: 2, name: "Barbaresco")]
            try await XWinesFixtures.load(wines, into: database, directory: directory)
            wines[1].name = "Gattinara"
            let summary = try await XWinesFixtures.load(wines, into: database, directory: directory)
            #expect(summary.updated == 1)
            #expect(summary.unchanged == 1)
            let (renamed, old) = try await database.read { connection in
                (
                    try XWinesStore.search(XWinesSearchQuery(text: "gattin"), in: connection),
                    try XWinesStore.search(XWinesSearchQuery(text: "barbaresco"), in: connection)
                )
            }
            #expect(renamed.wines.map(\.id) == [2])
            #expect(old.total == 0)
        }
    }

    @Test func theRebuiltSearchIndexHasTheDefinitionOfMigration4() async throws {
        try await XWinesFixtures.withDatabase { database, directory in
            let schema = "SELECT sql FROM sqlite_schema WHERE name = 'xwines_search'"
            let migrated = try await database.read { try $0.scalar(schema) }
            try await XWinesFixtures.load([.init(id: 1, name: "Barolo")], into: database, directory: directory)
            let rebuilt = try await database.read { try $0.scalar(schema) }
            func normalised(_ value: SQLValue?) -> String {
                guard case .text(let sql)? = value else { return "" }
                return sql.replacingOccurrences(of: "\"xwines_search\"", with: "xwines_search")
                    .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            #expect(!normalised(migrated).isEmpty)
            #expect(normalised(rebuilt) == normalised(migrated))
            let leftovers = try await database.read { try $0.tableExists("xwines_search_next") }
            #expect(!leftovers)
        }
    }
}
