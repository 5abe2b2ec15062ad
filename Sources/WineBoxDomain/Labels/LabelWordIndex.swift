/// The words read on a label (``XWinesMatchWords/labelWords(_:)``), ready to be compared with many reference words:
/// indexed by their character pairs, so that a reference word is only compared with label words it shares a pair
/// with.
///
/// Immutable after creation; safe from any thread.
struct LabelWordIndex {
    private struct Word {
        let text: String
        let scalars: [UInt32]
        let bigrams: Set<UInt64>
    }

    /// The most label words kept (in reading order): a few labels' worth of text, so that an absurdly long text
    /// costs bounded time.
    static let wordLimit = 3_000

    private let words: [Word]
    private let exact: Set<String>
    private let byBigram: [UInt64: [Int]]

    init(text: String) {
        let texts = XWinesMatchWords.labelWords(text).prefix(Self.wordLimit)
        var words: [Word] = []
        var byBigram: [UInt64: [Int]] = [:]
        for text in texts {
            let scalars = text.unicodeScalars.map(\.value)
            let bigrams = WordSimilarity.bigrams(of: scalars)
            for bigram in bigrams {
                byBigram[bigram, default: []].append(words.count)
            }
            words.append(Word(text: text, scalars: scalars, bigrams: bigrams))
        }
        self.words = words
        self.byBigram = byBigram
        exact = Set(texts)
    }

    /// True when the label has no word at all.
    var isEmpty: Bool { words.isEmpty }

    /// True when the label has exactly this folded word.
    func contains(_ word: String) -> Bool {
        exact.contains(word)
    }

    /// The label word most similar to the folded reference word, with its similarity (0 when none counts).
    func bestMatch(for reference: String) -> (word: String, similarity: Double) {
        if exact.contains(reference) {
            return (reference, 1)
        }
        let similarity = WordSimilarity(reference: reference)
        let scalars = reference.unicodeScalars.map(\.value)
        guard scalars.count >= 4 else { return ("", 0) }
        // A label word worth comparing shares at least one character pair with the reference word, two for words of
        // six or more letters (a reading that keeps fewer is too far gone to trust, and skipping it saves time on
        // long back labels). Ties go to the alphabetically first word, so results do not depend on hash order.
        let required = scalars.count >= 6 ? 2 : 1
        var shared: [Int: Int] = [:]
        for bigram in WordSimilarity.bigrams(of: scalars) {
            for index in byBigram[bigram] ?? [] {
                shared[index, default: 0] += 1
            }
        }
        var best = (word: "", similarity: 0.0)
        for (index, count) in shared where count >= required {
            let word = words[index]
            let value = similarity.similarity(to: word.scalars, labelBigrams: word.bigrams)
            if value > best.similarity || (value == best.similarity && value > 0 && word.text < best.word) {
                best = (word.text, value)
            }
        }
        return best
    }
}
