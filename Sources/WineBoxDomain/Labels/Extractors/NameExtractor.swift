/// Reads the wine's name: the earlier WineBox's heuristic, improved.
///
/// Candidates are plausible lines (3 to 60 characters, mostly letters, not a year, not boilerplate, not the
/// producer). A line naming a grape or a cuvée word ("Cuvée", "Réserve", "Vieilles Vignes") is preferred, then
/// one on the front label (the first five lines); a line of place names and designations only ("Margaux",
/// "Barolo DOCG") is the last choice. For a château or clos, whose name is the wine's, the producer is the name
/// when nothing better is found.
struct NameExtractor {
    private static let cuveeWords: Set = [
        "cuvee", "reserve", "reserva", "riserva", "selection", "selezione", "vieilles", "vignes", "old", "vines",
        "single", "vineyard", "lieu", "dit", "grand", "vin", "blend", "edition", "special", "prestige", "tradition",
    ]

    let analysis: LabelAnalysis
    let producer: ProducerExtractor.Result?

    func extract() -> String? {
        let document = analysis.document
        let producerKey = producer.map { TextFolding.fold($0.name) }
        var best: (text: String, score: Int)?
        for (offset, line) in document.lines.enumerated() where offset != producer?.line {
            let check = LabelLineCheck(analysis: analysis, line: offset)
            guard check.isPlausibleName(maximumLength: 60), let text = LabelPhrase.text(line.tokens, in: document),
                TextFolding.fold(text) != producerKey
            else { continue }
            var score = offset < 5 ? 2 : 1
            if check.namesGrape {
                score += 3
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

    private func isChateau(_ name: String) -> Bool {
        let first = TextFolding.fold(name).split(separator: " ").first
        return first == "chateau" || first == "clos"
    }
}
