/// The text Tesseract read on one label photo.
public struct LabelOCRResult: Sendable, Equatable {
    /// The words read with some confidence, one line of the label per line; "" when the photo shows no text.
    public let text: String
    /// Every word read, with its confidence and place (on the image turned by ``rotation``), in reading order.
    public let words: [RecognizedWord]
    /// Tesseract's mean word confidence for the pass kept, 0-100 (0 when no word was read).
    public let meanConfidence: Int
    /// How far the upright photo was turned clockwise, in degrees (0, 90, 180 or 270), for the pass kept: 90 when
    /// the label's text ran bottom to top.
    public let rotation: Int
    /// Where the time went.
    public let timings: LabelOCRTimings

    public init(text: String, words: [RecognizedWord], meanConfidence: Int, rotation: Int, timings: LabelOCRTimings) {
        self.text = text
        self.words = words
        self.meanConfidence = meanConfidence
        self.rotation = rotation
        self.timings = timings
    }
}
