/// One word Tesseract recognised, with where it is.
public struct RecognizedWord: Sendable, Equatable {
    /// The word as read (UTF-8, accents kept).
    public let text: String
    /// Tesseract's confidence in it, 0-100.
    public let confidence: Double
    /// Which line of the page the word is on: words with the same value are on one line, in reading order.
    public let line: Int
    /// The word's box in pixels of the image Tesseract read (after any rotation).
    public let left: Int
    public let top: Int
    public let width: Int
    public let height: Int

    public init(text: String, confidence: Double, line: Int, left: Int, top: Int, width: Int, height: Int) {
        self.text = text
        self.confidence = confidence
        self.line = line
        self.left = left
        self.top = top
        self.width = width
        self.height = height
    }
}
