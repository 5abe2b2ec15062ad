/// Reads the vintage: a four-digit year from 1900 to the current year that is not a bottling, founding or
/// drinking-window year, nor part of a date, phone number or address.
///
/// Each remaining year is scored: alone on its line or after a word such as "vintage"/"millésime" counts most, a
/// line naming a grape or wine counts a little, a comma or another long number on the line counts against. The
/// best score wins; the first year wins ties. "NV" or "non vintage" anywhere means no vintage.
struct VintageExtractor {
    /// Words that make the year after them a bottling or founding year (folded).
    private static let excludingWords: Set = [
        "bottled", "bottling", "bouteille", "imbottigliato", "imbottigliamento", "abgefullt", "embotellado",
        "engarrafado", "since", "est", "established", "estd", "founded", "foundation", "fondee", "fonde", "fondata",
        "fondato", "fundada", "fundado", "depuis", "seit", "dal", "desde", "gegrundet", "copyright", "anno",
        "dc", "ad",
    ]
    /// Words that announce the harvest year.
    private static let vintageWords: Set = [
        "vintage", "millesime", "annata", "vendemmia", "jahrgang", "cosecha", "colheita", "vendange", "harvest",
        "recolte", "safra", "anada", "vindima", "harvested",
    ]
    /// Words of addresses and phone numbers: a year-like number on such a line is not a vintage.
    private static let contactWords: Set = [
        "tel", "tele", "telephone", "phone", "fax", "telefon", "telefono", "mobile", "www", "http", "https", "com",
        "street", "road", "avenue", "ave", "rue", "strasse", "via", "calle", "rua", "box", "route", "chemin", "lane",
        "drive", "cedex", "suite", "zip", "postfach", "apartado", "email", "mail",
    ]

    let analysis: LabelAnalysis
    let currentYear: Int
    /// Words already read as drinking-window years.
    let excluded: Set<Int>
    /// Lines that name a grape or the wine, where a year is likelier the vintage.
    let wineLines: Set<Int>

    func extract() -> Int? {
        guard !isNonVintage() else { return nil }
        let document = analysis.document
        var lineFacts: [Int: LineFacts] = [:]
        var best: (year: Int, score: Int)?
        for index in document.tokens.indices where !excluded.contains(index) {
            let token = document.tokens[index]
            guard token.isNumber, token.original.utf8.count == 4, let year = token.integer,
                (1900...currentYear).contains(year)
            else { continue }
            let facts = lineFacts[token.line] ?? LineFacts(analysis: analysis, line: token.line)
            lineFacts[token.line] = facts
            if let score = score(index, facts: facts), score > 0, score > (best?.score ?? 0) {
                best = (year, score)
            }
        }
        return best?.year
    }

    /// What the scoring needs to know of a line, worked out once per line.
    private struct LineFacts {
        /// An address or phone number: no year on it is a vintage.
        let isContact: Bool
        /// Nothing but numbers and words such as "vintage".
        let isYearOnly: Bool
        /// How many numbers of four digits or more it holds.
        let longNumbers: Int

        init(analysis: LabelAnalysis, line: Int) {
            let document = analysis.document
            let tokens = document.lines[line].tokens.map { document.tokens[$0] }
            isContact =
                tokens.contains { VintageExtractor.contactWords.contains($0.folded) }
                || document.lines[line].text.unicodeScalars.contains("@")
            isYearOnly = tokens.allSatisfy { $0.isNumber || VintageExtractor.vintageWords.contains($0.folded) }
            longNumbers = tokens.filter { $0.isNumber && $0.original.utf8.count >= 4 }.count
        }
    }

    /// Nil when the year at `index` cannot be the vintage; else how likely it is.
    private func score(_ index: Int, facts: LineFacts) -> Int? {
        let document = analysis.document
        let token = document.tokens[index]
        let before = document.separator(before: index)
        let after = document.separator(after: index)
        if facts.isContact || before.hasSuffix("+") || isBottlingOrFoundingYear(index)
            || partOfNumber(index, before: before, after: after)
        {
            return nil
        }
        var score = 2
        if facts.isYearOnly { score += 3 }
        if analysis.before(index, within: 2, in: Self.vintageWords)
            || analysis.after(index, within: 1, in: Self.vintageWords)
        {
            score += 4
        }
        if wineLines.contains(token.line) { score += 1 }
        if before.contains(",") || after.hasPrefix(",") { score -= 2 }
        if facts.longNumbers > 1 { score -= 3 }
        return score
    }

    /// True when "bottled", "since", "depuis" … stands up to three words before the year, with no number between.
    private func isBottlingOrFoundingYear(_ index: Int) -> Bool {
        let document = analysis.document
        var previous = index - 1
        while previous >= index - 3, document.sameLine(previous, index), !document.tokens[previous].isNumber {
            if Self.excludingWords.contains(document.tokens[previous].folded) { return true }
            previous -= 1
        }
        return false
    }

    /// A date ("12/05/2019", "2019.10"), a range ("1999-2000"), a code ("A-2019", "F2019").
    private func partOfNumber(_ index: Int, before: String, after: String) -> Bool {
        let document = analysis.document
        let joiners: Set<Character> = ["/", ".", "-", ":", "\u{2013}"]
        if document.sameLine(index - 1, index), before.isEmpty || (before.count == 1 && joiners.contains(before.first!))
        {
            return true
        }
        return document.sameLine(index, index + 1) && document.tokens[index + 1].isNumber && after.count == 1
            && joiners.contains(after.first!)
    }

    private func isNonVintage() -> Bool {
        let tokens = analysis.document.tokens
        for index in tokens.indices {
            let token = tokens[index]
            if token.original == "NV" { return true }
            if token.folded == "non" || token.folded == "sans" || token.folded == "senza" {
                if let next = analysis.document.folded(index + 1), analysis.document.sameLine(index, index + 1),
                    ["vintage", "millesime", "annee", "annata"].contains(next)
                {
                    return true
                }
            }
        }
        return false
    }
}
