import CVips
import Foundation
import Testing
import WineBoxDomain
import WineBoxTesting

@testable import WineBoxServices

/// Label reading with the real Tesseract and libvips, on rendered labels and a real photo.
@Suite struct LabelTextReaderTests {
    static let label = ["CHÂTEAU MARGAUX", "Premier Grand Cru Classé", "Margaux 2015"]
    static let labelWords = ["chateau", "margaux", "premier", "grand", "cru", "classe", "2015"]

    @Test func readsRenderedText() async throws {
        let reader = try LabelTextReader(languages: "eng+fra", threadCount: 1)
        defer { reader.shutdown() }
        let result = try await reader.read(try LabelImageRenderer.render(lines: Self.label))
        let read = OCRTextFolding.words(result.text)
        for word in Self.labelWords {
            #expect(read.contains(word), "\(word) not in \(read)")
        }
        #expect(result.rotation == 0)
        #expect(result.meanConfidence > 60)
        #expect(result.timings.passes == 1)
        #expect(result.words.contains { $0.text == "2015" })
    }

    @Test func renderedMarkupCharactersAreText() async throws {
        let reader = try LabelTextReader(languages: "eng+ita", threadCount: 1)
        defer { reader.shutdown() }
        let image = try LabelImageRenderer.render(lines: ["Moonlight & Roses", "Barbera d'Alba <DOC>"])
        let read = OCRTextFolding.words(try await reader.read(image).text)
        for word in ["moonlight", "roses", "barbera", "alba", "doc"] {
            #expect(read.contains(word), "\(word) not in \(read)")
        }
        let error = #expect(throws: WineBoxError.self) { try LabelImageRenderer.render(lines: ["", "  "]) }
        #expect(error?.code == .invalidInput)
    }

    @Test func readsASidewaysRendering() async throws {
        // Rotations are tried however slow the first pass was on a busy test machine.
        var strategy = LabelOCRStrategy()
        strategy.skipRotationsAfter = .seconds(600)
        let reader = try LabelTextReader(languages: "eng+fra", threadCount: 1, strategy: strategy)
        defer { reader.shutdown() }
        // Turned a quarter clockwise, the text runs top to bottom; a quarter anticlockwise (270°) puts it back.
        let sideways = try LabelImageRenderer.render(lines: Self.label, quarterTurns: 1)
        let result = try await reader.read(sideways)
        let read = OCRTextFolding.words(result.text)
        for word in Self.labelWords {
            #expect(read.contains(word), "\(word) not in \(read)")
        }
        #expect(result.rotation == 270)
        #expect(result.timings.passes > 1)
    }

    @Test func aPhotoIsTurnedUprightFromItsEXIFOrientation() async throws {
        let reader = try LabelTextReader(languages: "eng+fra", threadCount: 1)
        defer { reader.shutdown() }
        // Stored a quarter turn anticlockwise, with orientation 6 ("turn 90° clockwise to show"), as phones do.
        let stored = try LabelImageRenderer.render(lines: Self.label, quarterTurns: 3)
        let jpeg = try stored.withUnsafeBytes { try VipsImageRef.load(.png, bytes: $0).encoded(as: .jpeg, quality: 90) }
        let result = try await reader.read(LabelImageFixtures.withEXIF(jpeg, orientation: 6))
        let read = OCRTextFolding.words(result.text)
        for word in Self.labelWords {
            #expect(read.contains(word), "\(word) not in \(read)")
        }
        #expect(result.rotation == 0)
        #expect(result.timings.passes == 1)
    }

    @Test func anImageOverThePixelLimitIsRefusedBeforeDecoding() async throws {
        let reader = try LabelTextReader(languages: "eng", threadCount: 1)
        defer { reader.shutdown() }
        let error = await #expect(throws: WineBoxError.self) {
            try await reader.read(LabelImageFixtures.pngBomb(width: 30000, height: 30000))
        }
        #expect(error?.code == .badRequest)
        #expect(error?.message.contains("too large") == true)
    }

    @Test func readsARealLabelPhoto() async throws {
        let reader = try LabelTextReader(threadCount: 1)
        defer { reader.shutdown() }
        let photo = try SharedData.bytes("labels/jo-pithon-clos-des-bois-1994.jpg")
        let result = try await reader.read(photo)
        let read = OCRTextFolding.words(result.text)
        // Words it reads (the name "Jo Pithon" is in a script font that Tesseract does not read, as with the CLI).
        for word in ["coteaux", "layon", "chemin", "moulin"] {
            #expect(read.contains(word), "\(word) not in \(read)")
        }
    }

    @Test func aPhotoWithoutTextGivesEmptyText() async throws {
        let reader = try LabelTextReader(languages: "eng", threadCount: 1)
        defer { reader.shutdown() }
        for image in [try LabelImageFixtures.generated(.png, width: 800, height: 600), try Self.flatGrey()] {
            let result = try await reader.read(image)
            #expect(result.text == "")
            #expect(result.meanConfidence == 0 || result.words.isEmpty == false)
        }
    }

    @Test func bytesThatAreNotAnImageAreRefused() async throws {
        let reader = try LabelTextReader(languages: "eng", threadCount: 1)
        defer { reader.shutdown() }
        // A real JPEG cut after its first 4 KB: the header reads, the pixels do not.
        let truncated = Array(try SharedData.bytes("labels/jo-pithon-clos-des-bois-1994.jpg").prefix(4096))
        for bytes in [Array("not an image".utf8), [], [0xFF, 0xD8, 0xFF, 0xE0, 0, 0], truncated] {
            let error = await #expect(throws: WineBoxError.self) { try await reader.read(bytes) }
            #expect(error?.code == .badRequest)
            #expect(error?.message == LabelOCRPreprocessor.notAnImageMessage)
        }
    }

    @Test func anUnknownLanguageIsReportedByName() async throws {
        let reader = try LabelTextReader(languages: "eng+xyz", threadCount: 1)
        defer { reader.shutdown() }
        #expect(throws: WineBoxError.self) { try reader.checkInstalled() }
        let error = await #expect(throws: WineBoxError.self) {
            try await reader.read(try LabelImageRenderer.render(lines: ["Vin"]))
        }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("xyz is not installed") == true)
        #expect(error?.message.contains("eng") == true)
    }

    @Test func aMissingModelFolderIsReported() async throws {
        let reader = try LabelTextReader(languages: "eng", threadCount: 1, dataPath: "/nonexistent/tessdata")
        defer { reader.shutdown() }
        let error = await #expect(throws: WineBoxError.self) {
            try await reader.read(try LabelImageRenderer.render(lines: ["Vin"]))
        }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("installed: none") == true)
    }

    @Test func readsBeyondTheQueueAreRefusedAsBusy() async throws {
        // One worker and no queue: while a read runs, every other read is refused at once.
        let reader = try LabelTextReader(languages: "eng", threadCount: 1, maxQueuedJobs: 0)
        defer { reader.shutdown() }
        let photo = try SharedData.bytes("labels/jo-pithon-clos-des-bois-1994.jpg")
        let outcomes = await withTaskGroup(of: Result<LabelOCRResult, any Error>.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    do {
                        return .success(try await reader.read(photo))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let refusals = outcomes.compactMap { outcome -> WineBoxError? in
            guard case .failure(let error) = outcome else { return nil }
            return error as? WineBoxError
        }
        let successes = outcomes.filter { if case .success = $0 { true } else { false } }.count
        #expect(successes >= 1)
        #expect(refusals.count >= 1)
        #expect(successes + refusals.count == outcomes.count)
        for refusal in refusals {
            #expect(refusal.code == .unavailable)
            #expect(refusal.retryAfterSeconds == 5)
            #expect(refusal.message == "Label reading is busy; try again shortly")
        }
    }

    @Test(arguments: ["", "eng+", "+eng", "eng++fra", "eng fra", "../eng", "eng;fra", "ëng", "eng/fra"])
    func aMalformedLanguageListIsRefused(list: String) {
        let error = #expect(throws: WineBoxError.self) { try LabelTextReader(languages: list) }
        #expect(error?.code == .invalidInput)
    }

    @Test func concurrentReadsAllSucceed() async throws {
        let reader = try LabelTextReader(languages: "eng+fra", threadCount: 2)
        defer { reader.shutdown() }
        let labels = [
            ["DOMAINE LEFLAIVE", "Puligny-Montrachet"], ["BODEGAS MUGA", "Rioja Reserva"],
            ["CASTELLO DI AMA", "Chianti Classico"], ["WEINGUT KELLER", "Riesling Trocken"],
        ]
        let images = try labels.map { try LabelImageRenderer.render(lines: $0) }
        let results = try await withThrowingTaskGroup(of: (Int, LabelOCRResult).self) { group in
            for (index, image) in images.enumerated() {
                group.addTask { (index, try await reader.read(image)) }
            }
            return try await group.reduce(into: [Int: LabelOCRResult]()) { $0[$1.0] = $1.1 }
        }
        #expect(results.count == labels.count)
        for (index, lines) in labels.enumerated() {
            let read = OCRTextFolding.words(results[index]?.text ?? "")
            for word in OCRTextFolding.words(lines.joined(separator: " ")) {
                #expect(read.contains(word), "\(word) not in \(read)")
            }
        }
    }

    /// A 600 × 400 PNG of one grey.
    static func flatGrey() throws -> [UInt8] {
        try Vips.start()
        let pixels = [UInt8](repeating: 180, count: 600 * 400 * 3)
        let image = pixels.withUnsafeBytes { buffer in
            winebox_vips_image_new_from_memory_copy(buffer.baseAddress, buffer.count, 600, 400, 3)
        }
        guard let image else {
            throw LabelImageFixtures.FixtureError(description: "libvips could not wrap the pixels")
        }
        return try VipsImageRef(image).encoded(as: .png, quality: 0)
    }
}
