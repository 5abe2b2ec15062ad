import Foundation
public import WineBoxDomain
public import WineBoxSupport

/// Reads the text on label photos with Tesseract, offline: the service the app calls to scan a label.
///
/// - **Preprocessing** with libvips (``LabelOCRPreprocessor``): decoded, upright from EXIF, grey, scaled to a
///   long side of 1400-2400 pixels, contrast stretched.
/// - **Rotations**: the upright image is read first and kept when that pass reads well (``LabelOCRStrategy``);
///   otherwise (unless that pass was very slow) the image turned a quarter clockwise and anticlockwise is read
///   too, and the pass with the best ``LabelTextScore`` is kept.
/// - **Threads**: every read runs on the reader's own ``WorkerPool`` ("ocr"), never on Swift's cooperative
///   threads. Each worker thread owns one ``TesseractEngine``, created at its first read (about 0.1 s per
///   language) and reused until ``shutdown()``; so `threadCount` reads run at once and each engine holds its
///   models (tens of MiB) while the server runs. Tesseract is loaded at the first read, never before.
/// - **Bounded**: at most `maxQueuedJobs` reads wait for a worker; beyond that ``read(_:)`` fails at once with
///   `.unavailable` ("busy") rather than queue without limit.
public final class LabelTextReader: Sendable {
    /// The languages every engine reads with.
    public let languages: TesseractLanguages
    /// The folder with the language models.
    public let dataPath: String
    /// How photos are read.
    public let strategy: LabelOCRStrategy
    private let pool: WorkerPool
    private let logger: Logger
    /// The key of this reader's engine in each worker thread's dictionary.
    private let engineKey = "winebox.ocr.engine." + UUID().uuidString

    /// Creates the reader; no thread starts and nothing is loaded until the first ``read(_:)``.
    ///
    /// - Parameters:
    ///   - languages: Tesseract model names joined by `+` (`[ocr] tesseract_lang`); the first is the main one.
    ///   - threadCount: reads that run at once, each on its own thread with its own engine (at least 1).
    ///   - maxQueuedJobs: reads that may wait for a thread before new ones are refused.
    ///   - dataPath: the folder of the `.traineddata` models; nil for `TESSDATA_PREFIX` or Debian's folder.
    ///   - strategy: rotations and page segmentation.
    /// - Throws: ``WineBoxError`` `.invalidInput` when `languages` is not a valid list. Languages that are not
    ///   installed are reported by ``checkInstalled()`` and by every ``read(_:)``.
    public init(
        languages: String = "eng+fra+deu+ita+spa+por", threadCount: Int = 2, maxQueuedJobs: Int = 16,
        dataPath: String? = nil, strategy: LabelOCRStrategy = LabelOCRStrategy(), logger: Logger = .disabled
    ) throws(WineBoxError) {
        self.languages = try TesseractLanguages(languages)
        self.dataPath = dataPath ?? Tesseract.defaultDataPath
        self.strategy = strategy
        self.pool = WorkerPool(name: "ocr", threadCount: threadCount, maxQueuedJobs: maxQueuedJobs)
        self.logger = logger
    }

    deinit {
        // The last reference may go on one of the pool's own threads (a finished read), where a blocking shutdown
        // would wait for itself; so the threads are ended from another one.
        let pool = pool
        Thread.detachNewThread { pool.shutdown() }
    }

    /// Checks that every language's model is installed, without loading Tesseract; for start-up.
    ///
    /// - Throws: ``WineBoxError`` `.unavailable` naming the missing languages and the installed ones.
    public func checkInstalled() throws(WineBoxError) {
        try languages.checkInstalled(in: dataPath)
    }

    /// Reads the text on a label photo (JPEG, PNG, GIF or WebP bytes, up to 40 megapixels).
    ///
    /// A photo without text gives an empty ``LabelOCRResult/text``, not an error.
    ///
    /// - Throws: ``WineBoxError`` `.badRequest` for bytes that are not a readable image; `.unavailable` when the
    ///   OCR workers are busy (with a retry delay) or shut down, when Tesseract or libvips is not installed, or
    ///   when a language is not installed.
    public func read(_ imageBytes: [UInt8]) async throws -> LabelOCRResult {
        let submitted = ContinuousClock.now
        do {
            return try await pool.run { [self] in
                try readOnWorker(imageBytes, queued: ContinuousClock.now - submitted)
            }
        } catch let refusal as WorkerPoolError {
            if refusal == .overloaded {
                throw WineBoxError(.unavailable, "Label reading is busy; try again shortly", retryAfterSeconds: 5)
            }
            throw WineBoxError(.unavailable, "Label reading is shutting down")
        }
    }

    /// Stops the worker threads once the reads already queued are done, releasing their engines; later reads
    /// fail with `.unavailable`. Blocks until then: call it off Swift's cooperative threads or at exit.
    public func shutdown() {
        pool.shutdown()
    }

    /// One read, on a worker thread.
    private func readOnWorker(_ bytes: [UInt8], queued: Duration) throws -> LabelOCRResult {
        let clock = ContinuousClock()
        var timings = LabelOCRTimings()
        timings.queued = queued
        var start = clock.now
        let prepared = try LabelOCRPreprocessor.prepare(bytes, strategy: strategy)
        timings.preprocessing = clock.now - start

        start = clock.now
        let engine = try engineForCurrentThread()
        timings.engineStart = clock.now - start

        start = clock.now
        var best: (page: TesseractPage, quarterTurns: Int, score: Double)?
        for quarterTurns in strategy.quarterTurns {
            let image = try LabelOCRPreprocessor.pixels(of: prepared, quarterTurns: quarterTurns)
            let page = try engine.recognize(
                grey: image.pixels, width: image.width, height: image.height,
                pageSegmentation: strategy.pageSegmentation)
            timings.passes += 1
            let score = LabelTextScore.score(page.words)
            if score > best?.score ?? -1 {
                best = (page, quarterTurns, score)
            }
            // Only the first pass may end the search early, when it reads well or too slowly to try more: a turned
            // pass can read upside-down text as confident nonsense ("xnebiep"), so turned passes are all compared.
            if timings.passes == 1
                && (score >= strategy.goodEnoughScore || clock.now - start >= strategy.skipRotationsAfter)
            {
                break
            }
        }
        timings.recognition = clock.now - start

        let page = best?.page ?? TesseractPage(words: [], meanConfidence: 0)
        return LabelOCRResult(
            text: Self.text(of: page.words, minConfidence: strategy.minWordConfidence), words: page.words,
            meanConfidence: page.meanConfidence, rotation: (best?.quarterTurns ?? 0) % 4 * 90, timings: timings)
    }

    /// This worker thread's engine, created on its first read. Engines live in the thread's own dictionary, so
    /// no other thread can reach them, and go with the thread at ``shutdown()``.
    private func engineForCurrentThread() throws -> TesseractEngine {
        let dictionary = Thread.current.threadDictionary
        if let engine = dictionary[engineKey] as? TesseractEngine {
            return engine
        }
        do {
            let engine = try TesseractEngine(languages: languages, dataPath: dataPath)
            dictionary[engineKey] = engine
            logger.info(
                "Started a Tesseract engine",
                [("version", Tesseract.version ?? "unknown"), ("languages", languages.description)])
            return engine
        } catch {
            if !Tesseract.isAvailable {
                logger.error(
                    "Label text cannot be read: Tesseract could not be loaded",
                    [("reason", Tesseract.unavailableReason ?? "unknown")])
            }
            throw error
        }
    }

    /// The words of at least `minConfidence`, one line per line of the label, with nothing but punctuation
    /// left out.
    static func text(of words: [RecognizedWord], minConfidence: Double) -> String {
        var lines: [(line: Int, words: [String])] = []
        for word in words where word.confidence >= minConfidence && !LabelTextScore.core(of: word.text).isEmpty {
            if let last = lines.last, last.line == word.line {
                lines[lines.count - 1].words.append(word.text)
            } else {
                lines.append((word.line, [word.text]))
            }
        }
        return lines.map { $0.words.joined(separator: " ") }.joined(separator: "\n")
    }
}
