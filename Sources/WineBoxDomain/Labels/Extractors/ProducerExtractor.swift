/// Reads the producer (winery).
///
/// In order of preference: a name built on a producer word ("Château Margaux", "Weingut Dr. Loosen", "Quinta do
/// Crasto", "Ridge Vineyards"), a name after "produced/bottled by" in any of the label languages, else the
/// earlier WineBox's heuristic: the first of the first five lines that is plausible text and no boilerplate.
struct ProducerExtractor {
    struct Result {
        let name: String
        let line: Int
    }

    /// Words that start a producer's name (folded).
    private static let leadingWords: Set = [
        "chateau", "domaine", "dom", "bodega", "bodegas", "weingut", "tenuta", "quinta", "casa", "cantina", "cantine",
        "clos", "maison", "cave", "caves", "herdade", "azienda", "fattoria", "castello", "schloss", "podere",
        "vignobles", "celler", "adega", "vinicola", "vina", "cascina", "masseria", "weinhaus", "winzerhof",
        "vinedos", "agricola", "tenute", "poderi", "marchesi", "famille", "bodegues", "kellerei",
        "winzergenossenschaft",
    ]
    /// Words that end a producer's name (folded).
    private static let trailingWords: Set = [
        "winery", "estate", "estates", "vineyards", "vineyard", "cellars", "cellar", "wines", "weingut", "kellerei",
        "vinicola", "wineries",
    ]
    /// Words that, before a leading word, mean the line is about estate bottling, not a name ("mis en bouteille au
    /// château").
    private static let estateWords: Set = ["au", "a", "la", "dal", "del", "im", "en"]
    /// The last word of "bottled by", "mis en bouteille par", "abgefüllt von" …, and the words before it.
    private static let byWords: Set = ["by", "par", "von", "durch", "da", "por", "pour"]
    private static let bottlingWords: Set = [
        "bottled", "produced", "vinified", "made", "grown", "cellared", "crafted", "bouteille", "abgefullt",
        "erzeugt", "imbottigliato", "prodotto", "embotellado", "elaborado", "engarrafado", "produzido",
        "vinificato", "vinifie", "produit", "elabore", "hergestellt",
    ]
    /// Words after a trailing word that make it boilerplate ("Estate Bottled").
    private static let notNames: Set = ["bottled", "grown", "produced", "bottling", "selection"]

    let analysis: LabelAnalysis

    func extract() -> Result? {
        var best: (result: Result, score: Int)?
        func consider(_ range: Range<Int>?, score: Int) {
            guard let range, let text = LabelPhrase.text(range, in: analysis.document), text.count >= 3,
                text.count <= 80
            else { return }
            let line = analysis.document.tokens[range.lowerBound].line
            let bonus = line < 5 ? 1 : 0
            if score + bonus > (best?.score ?? 0) {
                best = (Result(name: text, line: line), score + bonus)
            }
        }
        let tokens = analysis.document.tokens
        for index in tokens.indices {
            let folded = tokens[index].folded
            if Self.leadingWords.contains(folded) {
                consider(leading(from: index), score: folded == "clos" || folded == "casa" ? 3 : 4)
            } else if Self.trailingWords.contains(folded) {
                consider(trailing(to: index), score: 3)
            } else if Self.byWords.contains(folded), analysis.before(index, within: 1, in: Self.bottlingWords) {
                consider(following(index), score: 2)
            }
        }
        return best?.result ?? fallback()
    }

    /// "Château Margaux": the leading word and up to five words after it, up to a comma, number or line end.
    private func leading(from index: Int) -> Range<Int>? {
        if analysis.before(index, within: 1, in: Self.estateWords) { return nil }
        guard let end = run(from: index, limit: 6), end > index + 1 else { return nil }
        return index..<end
    }

    /// "Ridge Vineyards": up to four words before the trailing word, back to a comma or the line's start.
    private func trailing(to index: Int) -> Range<Int>? {
        let document = analysis.document
        if analysis.after(index, within: 1, in: Self.notNames) { return nil }
        var start = index
        while start > index - 4, document.sameLine(start - 1, index), !document.tokens[start - 1].isNumber,
            !breaks(document.separator(before: start)), !Self.byWords.contains(document.tokens[start - 1].folded)
        {
            start -= 1
        }
        return start < index ? start..<(index + 1) : nil
    }

    /// The name after "bottled by": up to six words, to a comma, number or the line's end.
    private func following(_ index: Int) -> Range<Int>? {
        guard analysis.document.sameLine(index, index + 1), let end = run(from: index + 1, limit: 6) else {
            return nil
        }
        return (index + 1)..<end
    }

    /// The end (exclusive) of the run of at most `limit` words starting at `start`, stopping before a number or a
    /// separator such as a comma.
    private func run(from start: Int, limit: Int) -> Int? {
        let document = analysis.document
        guard start < document.tokens.count, !document.tokens[start].isNumber else { return nil }
        var end = start + 1
        while end < start + limit, document.sameLine(start, end), !document.tokens[end].isNumber,
            !breaks(document.separator(before: end))
        {
            end += 1
        }
        return end
    }

    private func breaks(_ separator: String) -> Bool {
        separator.contains { ",;|()[]:/•·".contains($0) } || separator.contains(" - ")
    }

    /// The earlier WineBox's rule: the first of the first five lines that is plausible and not boilerplate.
    private func fallback() -> Result? {
        let document = analysis.document
        for (offset, line) in document.lines.prefix(5).enumerated() {
            guard LabelLineCheck(analysis: analysis, line: offset).isPlausibleName(maximumLength: 50),
                !LabelLineCheck(analysis: analysis, line: offset).isOnlyKnownTerms,
                let text = LabelPhrase.text(line.tokens, in: document)
            else { continue }
            return Result(name: text, line: offset)
        }
        return nil
    }
}
