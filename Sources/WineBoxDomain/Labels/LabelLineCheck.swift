/// Questions about one line of a label that the producer and name rules ask: is it plausible text, is it
/// boilerplate, does it hold only terms the gazetteer knows?
struct LabelLineCheck {
    /// Words of the small print (folded): a line with one of them is no name.
    private static let boilerplate: Set = [
        "contains", "contient", "enthalt", "sulfites", "sulphites", "sulfiti", "sulfitos", "solfiti", "product",
        "produce", "produit", "produced", "prodotto", "producto", "produto", "bottled", "bouteille", "imbottigliato",
        "abgefullt", "embotellado", "engarrafado", "imported", "importer", "importe", "importado", "importato",
        "distributed", "distribue", "distributor", "alcohol", "alc", "vol", "abv", "ml", "cl", "www", "http", "com",
        "tel", "fax", "phone", "warning", "government", "surgeon", "pregnancy", "pregnant", "appellation",
        "controlee", "protegee", "denominazione", "denominacion", "denominacao", "controllata", "garantita", "serve",
        "servir", "temperature", "ingredients", "allergens", "lot", "recyclable", "net", "contents", "vinified",
        "vinificato", "drink", "enjoy", "since", "founded", "established", "email", "origin",
    ]
    /// Words that mark a protected designation and say nothing of the wine's name.
    private static let designations: Set = ["aoc", "aop", "doc", "docg", "do", "doca", "igt", "igp", "ava", "dac"]

    let analysis: LabelAnalysis
    let line: Int

    private var words: Range<Int> { analysis.document.lines[line].tokens }

    /// 3 to `maximumLength` characters, mostly letters and digits (at least half letters), with a real word of four
    /// letters or more, no percentage, not a bare number, no boilerplate word.
    func isPlausibleName(maximumLength: Int) -> Bool {
        let document = analysis.document
        let text = document.lines[line].text
        guard (3...maximumLength).contains(text.count), !text.contains("%"), !words.isEmpty else { return false }
        let tokens = words.map { document.tokens[$0] }
        if tokens.contains(where: { Self.boilerplate.contains($0.folded) }) { return false }
        let visible = text.filter { !$0.isWhitespace }
        let letters = visible.filter(\.isLetter).count
        let digits = visible.filter(\.isWholeNumber).count
        guard (letters + digits) * 10 >= visible.count * 7, letters * 2 >= visible.count else { return false }
        let hasRealWord = tokens.contains { token in
            !token.isNumber && token.folded.count >= 4 && token.folded.contains { "aeiouy".contains($0) }
        }
        let short = tokens.filter { !$0.isNumber && $0.folded.count <= 2 }.count
        return hasRealWord && short * 2 <= tokens.count
    }

    /// True when every word is part of a grape's name or of a term such as a place, or is a number or filler.
    var isOnlyGrapesAndTerms: Bool {
        words.allSatisfy { analysis.inGrape[$0] || isTermOrFiller($0) }
    }

    /// True when every word is part of a place, classification or style term, a designation such as "DOC", a
    /// number, or a short filler word ("en", "di").
    var isOnlyKnownTerms: Bool {
        words.allSatisfy(isTermOrFiller)
    }

    private func isTermOrFiller(_ index: Int) -> Bool {
        let token = analysis.document.tokens[index]
        return analysis.inTerm[index] || token.isNumber || token.folded.count <= 2
            || Self.designations.contains(token.folded)
    }

    /// True when a grape is named on the line.
    var namesGrape: Bool { words.contains { analysis.inGrape[$0] } }
}
