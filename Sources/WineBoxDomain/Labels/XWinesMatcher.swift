import Foundation

/// Ranks X-Wines reference wines by how well they fit what was read on a wine's labels, so that a known wine is
/// found even when OCR mangled its decorative name.
///
/// **Words.** The label text (front and back) and the parsed fields are cut into folded words
/// (``XWinesMatchWords``); each word of a candidate's name, winery and region is compared with its most similar
/// label word (``WordSimilarity``: misspelt, partly read or glued words count partly). Each reference word weighs
/// what its rarity in the reference says (``XWinesWordStatistics``): "Valduga" counts, "Château" barely.
///
/// **Score** (0...1), from the weighted share of the name found (0.40), of the winery found (0.25), the amount of
/// rare words found, 1 − e^(−1.5 × their summed weight) (0.25), and of the region found (0.10); a wine without a
/// winery gives the winery's share to its name. Then tie-breakers: the parsed type agrees (+0.03) or disagrees
/// (−0.03); the parsed alcohol is within 0.5 % (+0.03) or more than 1.5 % off (−0.02); the country is named
/// (+0.02); popularity adds up to 0.01 (10,000 ratings).
///
/// A candidate none of whose name or winery words was found is not proposed. Pure; safe from any thread.
public struct XWinesMatcher: Sendable {
    public let statistics: XWinesWordStatistics

    public init(statistics: XWinesWordStatistics) {
        self.statistics = statistics
    }

    /// The best `limit` candidates for the label, best first (ties: more ratings, then lower id).
    ///
    /// - Parameters:
    ///   - text: everything OCR read on the labels (front and back, any number of passes), noise included.
    ///   - fields: what the label parser made of it; every field may be empty. Its texts count as label words too;
    ///     its type and alcohol break ties.
    ///   - candidates: the reference wines to rank, such as `XWinesStore.candidates(forWords:limit:in:)` gives.
    public func rank(
        text: String, fields: LabelFields = LabelFields(), candidates: [XWinesWine], limit: Int = 5
    ) -> [XWinesMatch] {
        let parsedTexts = [
            fields.name, fields.winery, fields.region, fields.subRegion, fields.appellation, fields.country,
            fields.classification,
        ].compactMap { $0 }
        guard limit > 0 else { return [] }
        // The parsed texts first: they are short and must survive the cut of a very long text.
        let label = LabelWordIndex(text: (parsedTexts + [text]).joined(separator: "\n"))
        guard !label.isEmpty else { return [] }
        var scorer = CandidateScorer(label: label, fields: fields, statistics: statistics)
        var seen: Set<Int> = []
        let matches = candidates.filter { seen.insert($0.id).inserted }.compactMap { scorer.match($0) }
        return Array(
            matches.sorted { first, second in
                if first.score != second.score {
                    return first.score > second.score
                }
                if first.wine.ratingCount != second.wine.ratingCount {
                    return first.wine.ratingCount > second.wine.ratingCount
                }
                return first.wine.id < second.wine.id
            }.prefix(limit))
    }
}

/// Scores candidates against one label, remembering each reference word's best label word across candidates.
private struct CandidateScorer {
    let label: LabelWordIndex
    let fields: LabelFields
    let statistics: XWinesWordStatistics
    private var bestMatches: [String: (word: String, similarity: Double)] = [:]
    /// The significant folded words of each text seen (wineries and regions recur), with their weights.
    private var weightedWords: [String: [(word: String, weight: Double)]] = [:]

    init(label: LabelWordIndex, fields: LabelFields, statistics: XWinesWordStatistics) {
        self.label = label
        self.fields = fields
        self.statistics = statistics
    }

    /// What the words of one field of the candidate found on the label.
    private struct Coverage {
        /// The weighted share of the field's words found, 0...1 (0 for a field without significant words).
        var share = 0.0
        var hasWords = false
        var evidence: [XWinesMatchEvidence] = []
        /// Each found word with its weight × similarity.
        var found: [String: Double] = [:]
    }

    mutating func match(_ wine: XWinesWine) -> XWinesMatch? {
        let name = coverage(of: wine.name, as: .name)
        let winery = coverage(of: wine.wineryName ?? "", as: .winery)
        let region = coverage(of: wine.regionName ?? "", as: .region)
        let rareWords = name.found.merging(winery.found, uniquingKeysWith: max).values.reduce(0, +)
        guard rareWords > 0 else { return nil }

        var score =
            (winery.hasWords ? 0.40 * name.share + 0.25 * winery.share : 0.65 * name.share)
            + 0.25 * (1 - exp(-1.5 * rareWords)) + 0.10 * region.share
        var evidence = name.evidence + winery.evidence + region.evidence
        let (adjustment, tieBreakers) = tieBreakers(for: wine)
        score += adjustment
        evidence += tieBreakers
        return XWinesMatch(wine: wine, score: min(1, max(0, score)), evidence: evidence)
    }

    private mutating func coverage(of text: String, as field: XWinesMatchEvidence.Field) -> Coverage {
        var coverage = Coverage()
        var total = 0.0
        var covered = 0.0
        for (word, weight) in words(of: text) {
            total += weight
            let best = bestMatch(for: word)
            guard best.similarity > 0 else { continue }
            covered += weight * best.similarity
            coverage.found[word] = weight * best.similarity
            coverage.evidence.append(
                XWinesMatchEvidence(field: field, reference: word, label: best.word, similarity: best.similarity))
        }
        coverage.hasWords = total > 0
        coverage.share = total > 0 ? covered / total : 0
        coverage.evidence.sort { $0.similarity > $1.similarity }
        return coverage
    }

    private mutating func words(of text: String) -> [(word: String, weight: Double)] {
        if let known = weightedWords[text] {
            return known
        }
        let words = XWinesMatchWords.distinctFolded(text).map { ($0, statistics.weight(of: $0)) }.filter { $0.1 > 0 }
        weightedWords[text] = words
        return words
    }

    private mutating func bestMatch(for word: String) -> (word: String, similarity: Double) {
        if let known = bestMatches[word] {
            return known
        }
        let best = label.bestMatch(for: word)
        bestMatches[word] = best
        return best
    }

    /// The type, alcohol, country and popularity adjustments, and the evidence of those that agree.
    private func tieBreakers(for wine: XWinesWine) -> (Double, [XWinesMatchEvidence]) {
        var adjustment = 0.0
        var evidence: [XWinesMatchEvidence] = []
        if let parsed = fields.wineType,
            let type = XWinesCellarFields.cellarWineType(wine.wineType).flatMap(WineType.init(rawValue:))
        {
            if parsed == type {
                adjustment += 0.03
                evidence.append(
                    XWinesMatchEvidence(
                        field: .wineType, reference: type.rawValue, label: parsed.rawValue, similarity: 1))
            } else {
                adjustment -= 0.03
            }
        }
        if let parsed = fields.alcoholPercentage, let abv = wine.abv {
            let difference = abs(parsed - abv)
            if difference <= 0.5 {
                adjustment += 0.03
                evidence.append(
                    XWinesMatchEvidence(
                        field: .alcohol, reference: String(abv), label: String(parsed), similarity: 1 - difference))
            } else if difference > 1.5 {
                adjustment -= 0.02
            }
        }
        let countryWords = XWinesMatchWords.folded(wine.country ?? "")
        if !countryWords.isEmpty && countryWords.allSatisfy(label.contains) {
            adjustment += 0.02
            evidence.append(
                XWinesMatchEvidence(
                    field: .country, reference: countryWords.joined(separator: " "),
                    label: countryWords.joined(separator: " "), similarity: 1))
        }
        adjustment += 0.01 * min(1, log10(1 + Double(wine.ratingCount)) / 4)
        return (adjustment, evidence)
    }
}
