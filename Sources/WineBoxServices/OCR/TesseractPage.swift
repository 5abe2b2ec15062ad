import Foundation

/// What one recognition of one image gave: the words with their confidence, and Tesseract's mean confidence.
public struct TesseractPage: Sendable {
    /// The words in reading order; empty when the image shows no text.
    public let words: [RecognizedWord]
    /// Tesseract's mean word confidence, 0-100 (0 when there are no words).
    public let meanConfidence: Int

    /// The word level in Tesseract's TSV output; the other levels (page, block, paragraph, line) carry no text.
    static let wordLevel = 5

    /// Reads the words out of Tesseract's TSV text: one row per page, block, paragraph, line and word, columns
    /// level, page, block, paragraph, line, word, left, top, width, height, confidence, text. Rows that are not
    /// words, have no text or cannot be read are skipped; a header row, if any, too.
    static func words(fromTSV tsv: String) -> [RecognizedWord] {
        var words: [RecognizedWord] = []
        var lineKeys: [[Int]: Int] = [:]
        for row in tsv.split(separator: "\n", omittingEmptySubsequences: true) {
            let columns = row.split(separator: "\t", maxSplits: 11, omittingEmptySubsequences: false)
            guard columns.count == 12, Int(columns[0]) == wordLevel else {
                continue
            }
            let numbers = columns[0..<10].compactMap { Int($0) }
            let text = columns[11].trimmingCharacters(in: .whitespacesAndNewlines)
            guard numbers.count == 10, let confidence = Double(columns[10]), confidence >= 0, !text.isEmpty else {
                continue
            }
            // Page, block, paragraph and line number identify the line.
            let key = Array(numbers[1...4])
            let line = lineKeys[key] ?? lineKeys.count
            lineKeys[key] = line
            words.append(
                RecognizedWord(
                    text: text, confidence: min(100, confidence), line: line, left: numbers[6], top: numbers[7],
                    width: numbers[8], height: numbers[9]))
        }
        return words
    }
}
