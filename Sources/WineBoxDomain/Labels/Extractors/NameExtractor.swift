/// Reads the wine's name: the earlier WineBox's heuristic, improved.
///
/// Candidates are plausible lines (3 to 60 characters, mostly letters, not a year, not boilerplate, not the
/// producer). A line naming a grape with other words ("Origem Merlot") or a cuvée word ("Cuvée", "Réserve",
/// "Vieilles Vignes") is preferred, then one on the front label (the first five lines), earlier lines first; a
/// line of place names and designations only ("Margaux", "Barolo DOCG") is the last choice. For a château or clos,
/// whose name is the wine's, the producer is the name when nothing better is found.
struct NameExtractor {
    private static let cuveeWords: Set = [
        "cuvee", "reserve", "reserva", "riserva", "selection", "selezione", "vieilles", "vignes", "old", "vines",
        "single", "vineyard", "lieu", "dit", "grand", "vin", "blend", "edition", "special", "prestige", "tradition",
    ]

    let analysis: LabelAnalysis
    let producer: ProducerExtractor.Result?
    /// The vintage found, left out at either end of the name ("Sauvignon Blanc 2022" → "Sauvignon Blanc").
    let vintage: Int?

    func extract() -> String? {
        let document = analysis.document
        let producerKey = producer.map { TextFolding.fold($0.name) }
        var best: (text: String, score: Int)?
        for (offset, line) in document.lines.enumerated() where offset != producer?.line {
            let check = LabelLineCheck(analysis: analysis, line: offset)
            guard check.isPlausibleName(maximumLength: 60),
                let text = LabelPhrase.text(withoutVintage(line.tokens), in: document),
                !isProducer(TextFolding.fold(text), producerKey)
            else { continue }
            var score = offset < 5 ? 2 : 1
            if check.namesGrape {
                score += check.isOnlyGrapesAndTerms ? 0 : 3
            } else if check.isOnlyKnownTerms {
                score -= 1
            } else if line.tokens.contains(where: { Self.cuveeWords.contains(document.tokens[$0].folded) }) {
                score += 2
            }
            if score > (best?.score ?? -1) {
                best = (text, score)
            }
        }
        if let producer, best.map({ $0.score <= 1 }) ?? true, isChateau(producer.name) {
            return producer.name
        }
        return best?.text
    }

    /// True when `text` is the producer's name, or its start ("Silver Oak" of "Silver Oak Cellars").
    private func isProducer(_ text: String, _ producerKey: String?) -> Bool {
        guard let producerKey else { return false }
        return text == producerKey || producerKey.hasPrefix(text + " ")
    }

    private func withoutVintage(_ range: Range<Int>) -> Range<Int> {
        guard let vintage else { return range }
        var words = range
        if let first = words.first, analysis.document.tokens[first].integer == vintage { words = words.dropFirst() }
        if let last = words.last, analysis.document.tokens[last].integer == vintage { words = words.dropLast() }
        return words
    }

    private func isChateau(_ name: String) -> Bool {
        let first = TextFolding.fold(name).split(separator: " ").first
        return first == "chateau" || first == "clos"
    }
}
