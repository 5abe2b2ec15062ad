public import Foundation
import WineBoxDomain
import WineBoxServices
public import WineBoxStorage

/// Loads an X-Wines wines CSV file (Test, Slim or Full version), and optionally its ratings CSV file, into the
/// reference tables.
///
/// **Steps.** The wines file's header is checked first, so a wrong file changes nothing. Then the ratings file, if
/// any, is read once and each wine's ratings are added up (``XWinesRatingTally``). Then the wines are read and
/// written in batches of ``batchSize``, each batch in its own write transaction (`BEGIN IMMEDIATE`), so other
/// writers (the server, when it runs) wait at most a few milliseconds. Last, the search index is rebuilt in
/// batches and swapped in, and the metadata is written.
///
/// **Idempotent.** Wines are upserted by WineID and unchanged wines are not written, so importing the same files
/// again leaves the same rows. Without a ratings file, stored ratings are kept; with one, every wine in the wines
/// file gets its ratings from it (none: no average, count 0). Wines are never deleted: importing a smaller version
/// after a larger one keeps the larger one's other wines.
///
/// **Bad data.** A record that does not decode (wrong number of fields, no id or name, a cell that does not parse,
/// bytes that are not UTF-8) is skipped and counted; the first few reasons are reported with their line numbers.
/// Files that are not X-Wines files, or that cannot be read, fail with a ``WineBoxError``.
///
/// **Threading.** ``importFile(_:ratings:progress:)`` runs the whole import on a thread of its own (file reads and
/// database calls block); the progress callback is called on that thread, after every batch.
public struct XWinesImporter: Sendable {
    /// Wines per write transaction: about 10 ms of writing each, so the server stays responsive.
    public static let batchSize = 500
    /// How many skipped records are reported with their reasons.
    public static let reportedProblemLimit = 5
    /// How many ratings are read between two progress reports.
    static let ratingsProgressInterval = 50_000

    private let database: Database
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - database: a migrated WineBox database.
    ///   - now: the clock for the metadata's import date.
    public init(database: Database, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.now = now
    }

    /// Imports `winesPath` (and `ratingsPath`), on a thread of its own.
    ///
    /// - Throws: ``WineBoxError`` `.invalidInput` when a file cannot be read or is not an X-Wines file of its kind
    ///   (the message names the missing column); a storage error if the database fails. Batches written before a
    ///   failure stay written; importing again completes the job.
    @discardableResult
    public func importFile(
        _ winesPath: String, ratings ratingsPath: String? = nil,
        progress: @escaping @Sendable (XWinesImportProgress) -> Void = { _ in }
    ) async throws -> XWinesImportSummary {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    with: Result { try importBlocking(winesPath, ratings: ratingsPath, progress: progress) })
            }
            thread.name = "xwines-import"
            thread.start()
        }
    }

    /// Like ``importFile(_:ratings:progress:)``, but on the calling thread, which it blocks for the whole import.
    /// Never call it from Swift's cooperative pool.
    @discardableResult
    public func importBlocking(
        _ winesPath: String, ratings ratingsPath: String? = nil,
        progress: (XWinesImportProgress) -> Void = { _ in }
    ) throws -> XWinesImportSummary {
        let started = ContinuousClock.now
        let winesFile = try CSVFileReader(path: winesPath)
        let ratingsFile = try ratingsPath.map { path throws(WineBoxError) in try CSVFileReader(path: path) }
        let columns = try XWinesWineColumns(header: try Self.header(of: winesFile))
        var summary = XWinesImportSummary(variant: .test)

        var tally: XWinesRatingTally?
        if let ratingsFile {
            tally = try tallyRatings(in: ratingsFile, summary: &summary, progress: progress)
        }
        try importWines(from: winesFile, columns: columns, tally: tally, summary: &summary, progress: progress)
        summary.variant = XWinesVariant.guess(fileName: winesFile.fileName, wineCount: summary.winesRead)
        summary.wineCount = try rebuildSearchIndex(
            summary: summary, source: winesFile.fileName, ratingsSource: ratingsFile?.fileName, progress: progress)
        let elapsed = ContinuousClock.now - started
        summary.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return summary
    }

    // MARK: Steps

    private func tallyRatings(
        in file: CSVFileReader, summary: inout XWinesImportSummary, progress: (XWinesImportProgress) -> Void
    ) throws -> XWinesRatingTally {
        var columns: XWinesRatingColumns?
        var tally = XWinesRatingTally()
        var state = XWinesImportProgress(
            phase: .ratings, rowsRead: 0, imported: 0, skipped: 0, bytesRead: 0, totalBytes: file.size)
        try file.forEachRecord { record, bytesRead in
            guard let columns else {
                columns = try XWinesRatingColumns(header: record.fields)
                return
            }
            state.rowsRead += 1
            if let rating = columns.rating(from: record) {
                tally.add(wineID: rating.wineID, rating: rating.rating)
            } else {
                state.skipped += 1
            }
            if state.rowsRead % Self.ratingsProgressInterval == 0 {
                state.bytesRead = bytesRead
                progress(state)
            }
        }
        guard columns != nil else {
            throw WineBoxError(.invalidInput, "\(file.fileName) is empty")
        }
        state.bytesRead = file.size
        progress(state)
        summary.ratingsRead = tally.ratingCount
        summary.ratingsSkipped = state.skipped
        return tally
    }

    private func importWines(
        from file: CSVFileReader, columns: XWinesWineColumns, tally: XWinesRatingTally?,
        summary: inout XWinesImportSummary, progress: (XWinesImportProgress) -> Void
    ) throws {
        var isHeader = true
        var batch: [XWinesWine] = []
        var ratedWines = Set<Int>()
        var ratingsApplied = 0
        var state = XWinesImportProgress(
            phase: .wines, rowsRead: 0, imported: 0, skipped: 0, bytesRead: 0, totalBytes: file.size)

        func write() throws {
            let outcomes = try database.writeBlocking { connection in
                try batch.map { wine in
                    try XWinesStore.upsert(wine, includingRatings: tally != nil, in: connection)
                }
            }
            summary.inserted += outcomes.count { $0 == .inserted }
            summary.updated += outcomes.count { $0 == .updated }
            summary.unchanged += outcomes.count { $0 == .unchanged }
            state.imported = summary.imported
            batch.removeAll(keepingCapacity: true)
            progress(state)
        }

        try file.forEachRecord { record, bytesRead in
            if isHeader {
                isHeader = false
                return
            }
            state.rowsRead += 1
            state.bytesRead = bytesRead
            switch Result(catching: { () throws(WineBoxError) in try columns.wine(from: record) }) {
            case .success(var wine):
                if let tally {
                    let rated = tally.summary(for: wine.id)
                    wine.averageRating = rated?.average
                    wine.ratingCount = rated?.count ?? 0
                    if ratedWines.insert(wine.id).inserted {
                        ratingsApplied += wine.ratingCount
                    }
                }
                batch.append(wine)
            case .failure(let problem):
                state.skipped += 1
                if summary.problems.count < Self.reportedProblemLimit {
                    summary.problems.append(problem.message)
                }
            }
            if batch.count >= Self.batchSize {
                try write()
            }
        }
        state.bytesRead = file.size
        try write()
        summary.winesRead = state.rowsRead
        summary.skipped = state.skipped
        summary.ratingsUnmatched = summary.ratingsRead - ratingsApplied
    }

    /// Rebuilds the search index and records the import; returns the number of reference wines.
    private func rebuildSearchIndex(
        summary: XWinesImportSummary, source: String, ratingsSource: String?,
        progress: (XWinesImportProgress) -> Void
    ) throws -> Int {
        let wineCount = try database.writeBlocking { connection in
            try XWinesStore.beginSearchIndexRebuild(in: connection)
            return try XWinesStore.wineCount(in: connection)
        }
        var state = XWinesImportProgress(
            phase: .indexing, rowsRead: 0, imported: 0, skipped: 0, bytesRead: 0, totalBytes: wineCount)
        while true {
            let offset = state.rowsRead
            let added = try database.writeBlocking { connection in
                try XWinesStore.addToSearchIndex(
                    offset: offset, limit: XWinesStore.searchIndexBatchSize, in: connection)
            }
            guard added > 0 else { break }
            state.rowsRead += added
            state.bytesRead = state.rowsRead
            progress(state)
        }
        let importDate = now()
        return try database.writeBlocking { connection in
            try XWinesStore.finishSearchIndexRebuild(in: connection)
            let metadata = XWinesMetadata(
                variant: summary.variant, source: source, ratingsSource: ratingsSource, importDate: importDate,
                wineCount: try XWinesStore.wineCount(in: connection),
                ratingCount: try XWinesStore.ratingCount(in: connection))
            try XWinesStore.saveMetadata(metadata, in: connection)
            return metadata.wineCount
        }
    }

    /// The first record of `file`, read without reading the rest.
    private static func header(of file: CSVFileReader) throws -> [String] {
        struct Stop: Error {}
        var header: [String]?
        do {
            try file.forEachRecord { record, _ in
                header = record.fields
                throw Stop()
            }
        } catch is Stop {}
        guard let header else {
            throw WineBoxError(.invalidInput, "\(file.fileName) is empty")
        }
        return header
    }
}
