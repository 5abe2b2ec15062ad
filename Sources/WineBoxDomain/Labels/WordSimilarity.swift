/// How well a word read by OCR stands for a word of a reference wine, from 0 (not at all) to 1 (the same word).
///
/// Both words are folded already (``XWinesMatchWords``). Three readings are tried and the best one counts:
/// - **the whole word, misspelt**: 1 − the Damerau-Levenshtein distance ÷ the longer length, allowed up to 1 edit
///   for 4 to 5 letters (less 0.2 for them: among a label's noise, some word is one edit away from most short
///   words), 2 for 6 to 8, 3 for longer words (`grurey` for `gevrey` is 2 edits: 0.67; `grutey`, 3 edits, is too far);
/// - **a piece of the word**, when OCR lost its first or last letters (`ntejo` in `alentejo`): the share of the
///   reference word covered, for pieces of at least 4 letters with at most 1 edit (none under 6 letters);
/// - **the word inside a longer one**, when OCR glued noise to it (`btrocken`): 0.9 × (1 − edits ÷ length), for
///   reference words of at least 5 letters.
///
/// Words of 3 letters or fewer must be equal. Results under 0.5 are 0. Pure; safe from any thread.
struct WordSimilarity {
    /// The smallest similarity that counts as a match.
    static let threshold = 0.5

    private let reference: [UInt32]
    private let bigrams: Set<UInt64>

    init(reference word: String) {
        reference = word.unicodeScalars.map(\.value)
        bigrams = Self.bigrams(of: reference)
    }

    /// The character pairs of a word, for a quick test that two words share anything at all.
    static func bigrams(of word: [UInt32]) -> Set<UInt64> {
        guard word.count >= 2 else { return [] }
        return Set((1..<word.count).map { UInt64(word[$0 - 1]) << 32 | UInt64(word[$0]) })
    }

    /// The similarity of the OCR word `label` (as scalar values, with its ``bigrams(of:)``) to the reference word.
    func similarity(to label: [UInt32], labelBigrams: Set<UInt64>) -> Double {
        if label == reference {
            return 1
        }
        let referenceLength = reference.count
        let labelLength = label.count
        guard referenceLength >= 4, labelLength >= 3, !bigrams.isDisjoint(with: labelBigrams) else { return 0 }
        var best = 0.0
        let longer = max(referenceLength, labelLength)
        if abs(referenceLength - labelLength) <= Self.allowedEdits(referenceLength) {
            let distance = Self.damerauLevenshtein(reference, label)
            if distance <= Self.allowedEdits(referenceLength) {
                best = 1 - Double(distance) / Double(longer) - (distance > 0 && referenceLength <= 5 ? 0.2 : 0)
            }
        }
        if labelLength >= 4 && labelLength < referenceLength {
            let distance = Self.infixDistance(of: label, in: reference)
            if distance <= (labelLength >= 6 ? 1 : 0) {
                best = max(best, Double(labelLength - distance) / Double(referenceLength))
            }
        }
        if referenceLength >= 5 && labelLength > referenceLength {
            let distance = Self.infixDistance(of: reference, in: label)
            if distance <= Self.allowedEdits(referenceLength) - 1 {
                best = max(best, 0.9 * (1 - Double(distance) / Double(referenceLength)))
            }
        }
        return best >= Self.threshold ? best : 0
    }

    /// How many edits a reference word of `length` letters may differ by.
    static func allowedEdits(_ length: Int) -> Int {
        switch length {
        case ...3: return 0
        case 4...5: return 1
        case 6...8: return 2
        default: return 3
        }
    }

    /// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    static func damerauLevenshtein(_ first: [UInt32], _ second: [UInt32]) -> Int {
        guard !first.isEmpty, !second.isEmpty else { return max(first.count, second.count) }
        let columns = second.count + 1
        var previousRow = [Int](repeating: 0, count: columns)
        var row = Array(0..<columns)
        var current = [Int](repeating: 0, count: columns)
        for i in 1...first.count {
            current[0] = i
            for j in 1..<columns {
                let cost = first[i - 1] == second[j - 1] ? 0 : 1
                var value = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
                if i > 1 && j > 1 && first[i - 1] == second[j - 2] && first[i - 2] == second[j - 1] {
                    value = min(value, previousRow[j - 2] + 1)
                }
                current[j] = value
            }
            (previousRow, row, current) = (row, current, previousRow)
        }
        return row[columns - 1]
    }

    /// The fewest edits that turn `needle` into some run of consecutive characters of `haystack` (gaps before
    /// and after the run are free).
    static func infixDistance(of needle: [UInt32], in haystack: [UInt32]) -> Int {
        let columns = haystack.count + 1
        var row = [Int](repeating: 0, count: columns)
        var current = [Int](repeating: 0, count: columns)
        for i in needle.indices {
            current[0] = i + 1
            for j in 1..<columns {
                let cost = needle[i] == haystack[j - 1] ? 0 : 1
                current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            }
            swap(&row, &current)
        }
        return row.min() ?? needle.count
    }
}
