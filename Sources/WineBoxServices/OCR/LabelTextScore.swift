/// How well a recognition pass read a label: the basis for choosing between rotations.
///
/// Tesseract's mean confidence alone prefers a sideways image on which it found three confident specks over an
/// upright one with twenty real words, so the score weighs each *plausible* word (see ``isPlausible(_:)``) by
/// its confidence and length: the sum over plausible words of confidence / 100 × letters (at most 12).
enum LabelTextScore {
    /// Words below this confidence (0-100) count for nothing.
    static let minConfidence = 50.0
    /// Letters beyond this do not add to a word's weight (one long misread run must not outweigh real words).
    static let maxLettersPerWord = 12

    /// The score of `words`: 0 when none is plausible.
    static func score(_ words: [RecognizedWord]) -> Double {
        words.reduce(0) { total, word in
            guard word.confidence >= minConfidence, isPlausible(word.text) else {
                return total
            }
            let letters = core(of: word.text).count
            return total + word.confidence / 100 * Double(min(letters, maxLettersPerWord))
        }
    }

    /// Whether `text` looks like a word or a vintage rather than noise: after dropping punctuation at both ends,
    /// three or more letters (apostrophes and hyphens allowed inside) with a vowel and no run of four equal
    /// letters, or a year from 1800 to 2099.
    static func isPlausible(_ text: String) -> Bool {
        let core = core(of: text)
        if core.count == 4, let year = Int(core), (1800...2099).contains(year) {
            return true
        }
        let letters = core.filter(\.isLetter)
        guard letters.count >= 3, core.allSatisfy({ $0.isLetter || $0 == "'" || $0 == "-" || $0 == "’" }) else {
            return false
        }
        let lowered = letters.lowercased()
        guard lowered.contains(where: { vowels.contains($0) }) else {
            return false
        }
        var run = 1
        var previous: Character?
        for letter in lowered {
            run = letter == previous ? run + 1 : 1
            if run >= 4 {
                return false
            }
            previous = letter
        }
        return true
    }

    /// `text` without punctuation and symbols at either end.
    static func core(of text: String) -> Substring {
        let isEdge: (Character) -> Bool = { !$0.isLetter && !$0.isNumber }
        guard let start = text.firstIndex(where: { !isEdge($0) }),
            let end = text.lastIndex(where: { !isEdge($0) })
        else {
            return ""
        }
        return text[start...end]
    }

    private static let vowels: Set<Character> = Set("aeiouyàâäáãåèéêëìíîïòóôöõùúûüýÿæœ")
}
