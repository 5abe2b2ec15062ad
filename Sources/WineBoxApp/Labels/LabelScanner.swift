import Foundation
import WineBoxDomain
import WineBoxServices
import WineBoxStorage
import WineBoxSupport

/// Reads wine labels into a proposed wine: with Claude when it is configured, else (or when Claude fails) offline
/// with Tesseract and the label-text parser; then identifies the wine in the X-Wines reference.
///
/// Stores nothing. Every photo first passes the same checks as a stored label image (content sniffing, pixel
/// limit, full decode), so a fake or hostile file is refused before OCR or Claude sees it. No request thread
/// waits: images and OCR run on worker pools, Claude's HTTP exchange on its own thread, matching on a database
/// reader. Thread-safe; shared by all requests.
final class LabelScanner: Sendable {
    let images: LabelImageStore
    let reader: LabelTextReader
    let parser: LabelTextParser
    /// Nil unless `[ocr] use_claude_vision` is on and `WINEBOX_ANTHROPIC_API_KEY` is set.
    let claude: ClaudeLabelReader?
    let database: Database
    let logger: Logger
    let now: @Sendable () -> Date

    /// The long edge, in pixels, of the image OCR reads (larger photos are scaled down first).
    static let readingLongEdge = 2400
    /// The long edge, in pixels, of the images sent to Claude, which scales anything larger down itself.
    static let claudeLongEdge = 1568
    /// How many X-Wines candidates a scan proposes.
    static let candidateLimit = 5
    /// The lowest match score (0...1) at which the best candidate fills the empty fields.
    static let fillingScore = 0.5

    init(
        images: LabelImageStore, reader: LabelTextReader, parser: LabelTextParser = LabelTextParser(),
        claude: ClaudeLabelReader?, database: Database, logger: Logger, now: @escaping @Sendable () -> Date
    ) {
        self.images = images
        self.reader = reader
        self.parser = parser
        self.claude = claude
        self.database = database
        self.logger = logger
        self.now = now
    }

    /// Reads the front label and, when given, the back label.
    ///
    /// - Throws: ``WineBoxError`` `.badRequest` for a file that is not a usable image, `.tooLarge` over the upload
    ///   limit, `.unavailable` when the image or OCR workers are busy or Tesseract is not installed.
    func scan(front: LabelPhoto, back: LabelPhoto?) async throws -> LabelScan {
        let started = ContinuousClock.now

        var claudeReading: LabelScan.Reading?
        var claudeFailure: String?
        if let claude {
            do {
                claudeReading = try await readWithClaude(claude, front: front, back: back)
            } catch let error as ClaudeError {
                let reason = error.code.description
                claudeFailure = reason
                logger.warning("Claude could not read the label; reading it offline", [("reason", reason)])
            }
        }
        var reading: LabelScan.Reading
        if let claudeReading {
            reading = claudeReading
        } else {
            reading = try await readOffline(front: front, back: back)
            if let claudeFailure {
                reading.method = .offlineAfterClaudeFailure(claudeFailure)
            }
        }

        let matches = try await match(reading)
        var scan = LabelScan(reading: reading, candidates: matches)
        if let best = matches.first, best.score >= Self.fillingScore {
            // OCR's guesses of name and winery give way to the identified wine's spelling; Claude's do not.
            let corrected =
                reading.method == .claude
                ? reading.fields : XWinesMatcher.withoutPartialReadings(reading.fields, of: best.wine)
            let (filled, names) = XWinesMatcher.filling(corrected, from: best.wine)
            scan.reading.fields = filled
            scan.xwinesID = best.wine.id
            scan.enrichedFields = names
        }
        scan.elapsed = ContinuousClock.now - started
        return scan
    }

    private func readWithClaude(
        _ claude: ClaudeLabelReader, front: LabelPhoto, back: LabelPhoto?
    ) async throws -> LabelScan.Reading {
        let frontImage = try ClaudeLabelImage(
            bytes: try await front.readable(by: images, longEdge: Self.claudeLongEdge), format: .jpeg)
        var backImage: ClaudeLabelImage?
        if let back {
            backImage = try ClaudeLabelImage(
                bytes: try await back.readable(by: images, longEdge: Self.claudeLongEdge), format: .jpeg)
        }
        let answer = try await claude.read(front: frontImage, back: backImage)
        return LabelScan.Reading(
            fields: answer.fields, frontText: answer.frontLabelText ?? "", backText: answer.backLabelText ?? "",
            method: .claude)
    }

    private func readOffline(front: LabelPhoto, back: LabelPhoto?) async throws -> LabelScan.Reading {
        let frontImage = try await front.readable(by: images, longEdge: Self.readingLongEdge)
        let backImage = try await back?.readable(by: images, longEdge: Self.readingLongEdge)
        async let frontText = reader.read(frontImage).text
        var backText = ""
        if let backImage {
            backText = try await reader.read(backImage).text
        }
        let text = try await frontText
        let year = Calendar(identifier: .gregorian).component(.year, from: now())
        let fields = parser.parse(text + "\n" + backText, currentYear: year)
        return LabelScan.Reading(fields: fields, frontText: text, backText: backText, method: .offline)
    }

    /// The best X-Wines candidates for what was read; none when the reference is empty or nothing was read.
    private func match(_ reading: LabelScan.Reading) async throws -> [XWinesMatch] {
        let text = [reading.frontText, reading.backText].joined(separator: "\n")
        let fields = reading.fields
        let fieldWords = [fields.name, fields.winery, fields.region, fields.appellation].compactMap { $0 }
        return try await database.read { connection in
            let candidates = try XWinesStore.candidates(forWords: [text] + fieldWords, in: connection)
            return XWinesMatcher(statistics: candidates.statistics).rank(
                text: text, fields: fields, candidates: candidates.wines, limit: Self.candidateLimit)
        }
    }
}
