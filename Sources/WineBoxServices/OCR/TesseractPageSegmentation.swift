import CTesseract

/// How Tesseract looks for text on an image (its page segmentation mode).
public enum TesseractPageSegmentation: Sendable, CaseIterable {
    /// Blocks, paragraphs and lines found by layout analysis (mode 3): best for labels with columns of text.
    case automatic
    /// One block of text (mode 6).
    case singleBlock
    /// As much text as possible, in no particular order (mode 11): finds the scattered words of bottle photos.
    case sparseText

    var mode: Int32 {
        switch self {
        case .automatic: Int32(WINEBOX_TESSERACT_PSM_AUTO.rawValue)
        case .singleBlock: Int32(WINEBOX_TESSERACT_PSM_SINGLE_BLOCK.rawValue)
        case .sparseText: Int32(WINEBOX_TESSERACT_PSM_SPARSE_TEXT.rawValue)
        }
    }
}
