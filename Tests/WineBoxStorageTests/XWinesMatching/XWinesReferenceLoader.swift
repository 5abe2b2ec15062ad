import Foundation
import WineBoxDomain
import WineBoxStorage

/// Loads an X-Wines wines file (and optionally its ratings) into a test database with the storage functions the
/// importer uses (upserts in batches, then the search index rebuild), without the app module.
enum XWinesReferenceLoader {
    /// Reads `winesPath` (and `ratingsPath`) and stores every wine; returns how many wines were stored.
    @discardableResult
    static func load(winesPath: String, ratingsPath: String? = nil, into database: Database) throws -> Int {
        var tally: XWinesRatingTally?
        if let ratingsPath {
            var ratings = XWinesRatingTally()
            var columns: XWinesRatingColumns?
            try records(in: ratingsPath) { record in
                guard let columns else {
                    columns = try XWinesRatingColumns(header: record.fields)
                    return
                }
                if let rating = columns.rating(from: record) {
                    ratings.add(wineID: rating.wineID, rating: rating.rating)
                }
            }
            tally = ratings
        }
        var columns: XWinesWineColumns?
        var batch: [XWinesWine] = []
        var stored = 0
        func flush() throws {
            try store(batch, includingRatings: tally != nil, into: database)
            stored += batch.count
            batch.removeAll(keepingCapacity: true)
        }
        try records(in: winesPath) { record in
            guard let columns else {
                columns = try XWinesWineColumns(header: record.fields)
                return
            }
            var wine = try columns.wine(from: record)
            if let summary = tally?.summary(for: wine.id) {
                wine.averageRating = summary.average
                wine.ratingCount = summary.count
            }
            batch.append(wine)
            if batch.count == 2_000 {
                try flush()
            }
        }
        try flush()
        try rebuildSearchIndex(of: database)
        return stored
    }

    /// Upserts `wines` in one transaction.
    static func store(_ wines: [XWinesWine], includingRatings: Bool = true, into database: Database) throws {
        try database.writeBlocking { connection in
            for wine in wines {
                _ = try XWinesStore.upsert(wine, includingRatings: includingRatings, in: connection)
            }
        }
    }

    /// Rebuilds the search index (and the word counts) as an import ends.
    static func rebuildSearchIndex(of database: Database) throws {
        try database.writeBlocking { try XWinesStore.beginSearchIndexRebuild(in: $0) }
        var offset = 0
        while true {
            let start = offset
            let added = try database.writeBlocking { connection in
                try XWinesStore.addToSearchIndex(offset: start, limit: XWinesStore.searchIndexBatchSize, in: connection)
            }
            guard added > 0 else { break }
            offset += added
        }
        try database.writeBlocking { try XWinesStore.finishSearchIndexRebuild(in: $0) }
    }

    /// Calls `body` with each record of a CSV file, header first.
    private static func records(in path: String, _ body: (CSVRecord) throws -> Void) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SharedDataMissing(path: path)
        }
        var parser = CSVParser()
        try parser.consume([UInt8](data), body)
        try parser.finish(body)
    }

    struct SharedDataMissing: Error, CustomStringConvertible {
        let path: String
        var description: String { "cannot read \(path)" }
    }
}
