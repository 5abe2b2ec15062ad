import CTesseract
public import WineBoxDomain

/// One Tesseract engine (a `TessBaseAPI`) with its language models loaded.
///
/// **Not thread-safe**: an engine must only ever be used by the thread that created it (``LabelTextReader`` keeps
/// one per OCR worker thread). Creating one loads Tesseract on first use and the models of every language: about
/// 0.1 s and a few MiB per language. Recognition is CPU-bound and blocking (tens to hundreds of milliseconds), so
/// never call it from Swift's cooperative threads.
public final class TesseractEngine {
    /// The languages the engine reads with.
    public let languages: TesseractLanguages
    private let handle: OpaquePointer

    /// The resolution Tesseract is told the images have; without one it estimates it and logs the guess.
    static let pixelsPerInch: Int32 = 300

    /// Loads Tesseract if needed and creates an engine for `languages`, with models from `dataPath` (by default
    /// `TESSDATA_PREFIX`, else Debian's `/usr/share/tesseract-ocr/5/tessdata`).
    ///
    /// - Throws: ``WineBoxError`` `.unavailable` when Tesseract is not installed, a language's model is missing from
    ///   `dataPath` (naming it and the installed ones), or the models cannot be loaded.
    public init(languages: TesseractLanguages, dataPath: String? = nil) throws(WineBoxError) {
        let dataPath = dataPath ?? Tesseract.defaultDataPath
        guard Tesseract.isAvailable else {
            throw Tesseract.unavailable
        }
        try languages.checkInstalled(in: dataPath)
        guard let handle = winebox_tesseract_create() else {
            throw Tesseract.unavailable
        }
        guard winebox_tesseract_init(handle, dataPath, languages.description) == 0 else {
            winebox_tesseract_delete(handle)
            throw WineBoxError(
                .unavailable, "Tesseract could not load the OCR models for \(languages) from \(dataPath)")
        }
        self.languages = languages
        self.handle = handle
    }

    deinit {
        winebox_tesseract_delete(handle)
    }

    /// Reads the text of an 8-bit grey image of `width` × `height` pixels, rows top to bottom with no padding.
    ///
    /// - Throws: ``WineBoxError`` `.invalidInput` when `pixels` does not hold exactly `width` × `height` bytes or
    ///   the image is empty; `.unavailable` when Tesseract fails to recognise it.
    public func recognize(
        grey pixels: [UInt8], width: Int, height: Int, pageSegmentation: TesseractPageSegmentation
    ) throws(WineBoxError) -> TesseractPage {
        guard width > 0, height > 0, pixels.count == width * height, width <= Int(Int32.max) / max(1, height)
        else {
            throw WineBoxError(.invalidInput, "The image to read must be \(width) × \(height) grey pixels")
        }
        defer { winebox_tesseract_clear(handle) }
        winebox_tesseract_set_page_segmentation(handle, pageSegmentation.mode)
        pixels.withUnsafeBufferPointer { buffer in
            winebox_tesseract_set_image(handle, buffer.baseAddress, Int32(width), Int32(height), 1, Int32(width))
        }
        winebox_tesseract_set_source_resolution(handle, Self.pixelsPerInch)
        guard winebox_tesseract_recognize(handle) == 0 else {
            throw WineBoxError(.unavailable, "Tesseract could not read the image")
        }
        var words: [RecognizedWord] = []
        if let tsv = winebox_tesseract_tsv_text(handle) {
            words = TesseractPage.words(fromTSV: String(cString: tsv))
            winebox_tesseract_free_text(tsv)
        }
        let mean = words.isEmpty ? 0 : Int(winebox_tesseract_mean_confidence(handle))
        return TesseractPage(words: words, meanConfidence: max(0, min(100, mean)))
    }
}

@available(*, unavailable, message: "a TesseractEngine belongs to the thread that created it")
extension TesseractEngine: Sendable {}
