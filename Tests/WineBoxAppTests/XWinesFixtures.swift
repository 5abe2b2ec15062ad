import Foundation
import WineBoxConfig
import WineBoxStorage
import WineBoxTesting

@testable import WineBoxApp

/// Small X-Wines files written for a test, in the official format.
enum XWinesFixtures {
    /// One wine of a fixture file; the other columns get plausible values.
    struct Wine {
        var id: Int
        var name: String
        var type = "Red"
        var code = "IT"
        var country = "Italy"
        var region = "Piemonte"
        var winery = "Cantina Test"
        /// The ratings written to the ratings file for this wine.
        var ratings: [Double] = []
    }

    static let header =
        "WineID,WineName,Type,Elaborate,Grapes,Harmonize,ABV,Body,Acidity,Code,Country,RegionID,RegionName,"
        + "WineryID,WineryName,Website,Vintages"

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func winesCSV(_ wines: [Wine]) -> String {
        let rows = wines.map { wine in
            [
                String(wine.id), quoted(wine.name), wine.type, "Varietal/100%", quoted("['Nebbiolo']"),
                quoted("['Beef', 'Lamb']"), "14.0", "Full-bodied", "High", wine.code, quoted(wine.country), "1",
                quoted(wine.region), "2", quoted(wine.winery), "", quoted("[2019, 2018]"),
            ].joined(separator: ",")
        }
        return ([header] + rows).joined(separator: "\n") + "\n"
    }

    static func ratingsCSV(_ wines: [Wine]) -> String {
        var lines = ["RatingID,UserID,WineID,Vintage,Rating,Date"]
        for wine in wines {
            for rating in wine.ratings {
                lines.append("\(lines.count),1000,\(wine.id),2018,\(rating),2020-01-01 10:00:00")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `wines` (and their ratings) into `directory` and imports them into `database`.
    @discardableResult
    static func load(_ wines: [Wine], into database: Database, directory: TemporaryDirectory) async throws
        -> XWinesImportSummary
    {
        let winesPath = try directory.write(winesCSV(wines), to: "wines.csv")
        let ratingsPath = try directory.write(ratingsCSV(wines), to: "ratings.csv")
        return try await XWinesImporter(database: database).importFile(winesPath, ratings: ratingsPath)
    }

    /// A fresh migrated database in a temporary directory, closed and removed after `body`.
    static func withDatabase(_ body: (Database, TemporaryDirectory) async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try await Application.openDatabase(
            configuration: AppConfiguration.forTests(dataDirectory: directory.file("data")))
        do {
            try await body(database, directory)
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }
}
