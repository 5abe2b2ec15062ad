import Foundation
import Testing
import WineBoxDomain
import WineBoxStorage
import WineBoxTesting

/// A manual check, not part of the suite: with `WINEBOX_XWINES_MATCH_SCALE_CSV` set to a large wines file (such as
/// `scripts/generate-xwines.py /tmp/x.csv --rows 100646`), loads it and then the Test 100 wines over it (same ids
/// replace synthetic wines), identifies the 50 sample photos among them and prints how long candidate retrieval
/// and scoring took and how many photos were found. Speed is reported, not asserted.
@Suite struct XWinesMatchingScaleCheck {
    static let largeFile = ProcessInfo.processInfo.environment["WINEBOX_XWINES_MATCH_SCALE_CSV"]

    @Test(.enabled(if: largeFile != nil)) func retrievalAmongALargeReference() async throws {
        let photos = try XWinesPhotoOCR.load()
        try await withTemporaryDatabase { database in
            try await Migrator(WineBoxMigrations.all).migrate(database)
            let loadStart = ContinuousClock.now
            try XWinesReferenceLoader.load(winesPath: Self.largeFile ?? "", into: database)
            try XWinesReferenceLoader.load(
                winesPath: SharedData.xwinesTestWines, ratingsPath: SharedData.xwinesTestRatings, into: database)
            let wineCount = try await database.read { try XWinesStore.wineCount(in: $0) }
            print("Loaded \(wineCount) wines in \(ContinuousClock.now - loadStart)")
            #expect(wineCount > 100)

            var retrieval: [Duration] = []
            var scoring: [Duration] = []
            var top1 = 0
            var top5 = 0
            for (wineID, texts) in photos.sorted(by: { $0.key < $1.key }) {
                let text = texts.keys.sorted().compactMap { texts[$0] }.joined(separator: "\n")
                let start = ContinuousClock.now
                let candidates = try await database.read { connection in
                    try XWinesStore.candidates(forWords: [text], in: connection)
                }
                let retrieved = ContinuousClock.now
                let matches = XWinesMatcher(statistics: candidates.statistics).rank(
                    text: text, candidates: candidates.wines, limit: 5)
                retrieval.append(retrieved - start)
                scoring.append(ContinuousClock.now - retrieved)
                let position = matches.firstIndex { $0.wine.id == wineID }
                top1 += position == 0 ? 1 : 0
                top5 += position == nil ? 0 : 1
                let retrievedAt = candidates.wines.firstIndex { $0.id == wineID }.map { "#\($0 + 1)" } ?? "not"
                print(
                    "\(wineID): \(position.map { "#\($0 + 1)" } ?? "miss") (retrieved \(retrievedAt) of "
                        + "\(candidates.wines.count)) in \(retrieved - start): "
                        + matches.map { "\($0.wine.name) / \($0.wine.wineryName ?? "")" }.joined(separator: "; "))
            }
            retrieval.sort()
            scoring.sort()
            print(
                "Retrieval median \(retrieval[retrieval.count / 2]), max \(retrieval.last ?? .zero); scoring median "
                    + "\(scoring[scoring.count / 2]), max \(scoring.last ?? .zero); top-1 \(top1)/50, top-5 \(top5)/50")
        }
    }
}
