import Foundation

/// How common words are in the X-Wines reference, so that matching weighs a rare word ("Valduga") far above a
/// common one ("Château", "Reserva", "Tinto").
///
/// A word's weight is its inverse document frequency scaled to 0...1: ln((N + 1) ÷ (n + 0.5)) ÷ ln(N + 1), for a
/// word found in n of the N reference wines (counting names, wineries and regions), at least 0.05. A word the
/// statistics do not know weighs as a word of one wine; stop words (``XWinesMatchWords/stopWords``) weigh 0.
public struct XWinesWordStatistics: Sendable, Hashable {
    /// The number of reference wines.
    public let wineCount: Int
    /// For each folded word: in how many reference wines it occurs.
    public let documentFrequencies: [String: Int]

    public init(wineCount: Int, documentFrequencies: [String: Int]) {
        self.wineCount = max(wineCount, 1)
        self.documentFrequencies = documentFrequencies
    }

    /// The weight of a folded word, 0...1.
    public func weight(of word: String) -> Double {
        guard XWinesMatchWords.isSignificant(word) else { return 0 }
        let total = Double(wineCount) + 1
        let frequency = Double(min(documentFrequencies[word] ?? 1, wineCount))
        return max(0.05, min(1, log(total / (frequency + 0.5)) / log(total)))
    }
}
