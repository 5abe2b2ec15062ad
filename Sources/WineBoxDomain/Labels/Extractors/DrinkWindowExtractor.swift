/// Reads a suggested drinking window: "Drink 2020-2030", "best 2022–2028", "drink now through 2030",
/// "drink by 2030", "2024-2035 drinking".
struct DrinkWindowExtractor {
    struct Window {
        var from: Int?
        var until: Int?
        /// The words read as years of the window, so they are not taken for the vintage.
        var yearTokens: Set<Int>
    }

    private static let triggers: Set = [
        "drink", "drinking", "best", "optimal", "enjoy", "consume", "boire", "trinken", "trinkreife", "drinkable",
    ]
    private static let untilWords: Set = ["by", "until", "till", "before", "through", "thru", "to", "bis", "avant"]
    private static let rangeWords: Set = ["to", "through", "thru", "until", "till", "and", "bis", "a", "al", "et"]
    private static let years = 1950...2150

    let analysis: LabelAnalysis
    let currentYear: Int

    func extract() -> Window? {
        for (index, token) in analysis.document.tokens.enumerated() where Self.triggers.contains(token.folded) {
            if let window = forward(from: index) ?? backward(from: index) {
                return window
            }
        }
        return nil
    }

    /// "drink 2020-2030", "drink now through 2030", "drink by 2030", "drink from 2025".
    private func forward(from trigger: Int) -> Window? {
        let document = analysis.document
        var index = trigger + 1
        while index <= trigger + 4, document.sameLine(trigger, index) {
            if document.tokens[index].folded == "now" {
                var window = Window(from: currentYear, until: nil, yearTokens: [])
                if let end = nextYear(after: index, within: 3) {
                    window.until = end.year
                    window.yearTokens.insert(end.index)
                }
                return window
            }
            if let year = year(at: index) {
                if let range = range(at: index) { return range }
                if analysis.before(index, within: 1, in: Self.untilWords) {
                    return Window(from: nil, until: year, yearTokens: [index])
                }
                return Window(from: year, until: nil, yearTokens: [index])
            }
            index += 1
        }
        return nil
    }

    /// "2024-2035 drinking", "2024 – 2035 best".
    private func backward(from trigger: Int) -> Window? {
        for start in stride(from: trigger - 1, through: max(0, trigger - 4), by: -1)
        where analysis.document.sameLine(start, trigger) {
            if let range = range(at: start), range.yearTokens.contains(trigger - 1) {
                return range
            }
        }
        return nil
    }

    /// Two years joined by a dash or a word such as "to": "2020-2030", "2020 to 2030", "2020 – 2030".
    private func range(at index: Int) -> Window? {
        let document = analysis.document
        guard let first = year(at: index), document.sameLine(index, index + 1) else { return nil }
        var next = index + 1
        if Self.rangeWords.contains(document.tokens[next].folded) {
            next += 1
        } else if !document.separator(after: index).contains(where: { $0 == "-" || $0 == "/" || $0 == "\u{2013}" }) {
            return nil
        }
        guard document.sameLine(index, next), let second = year(at: next), second >= first else { return nil }
        return Window(from: first, until: second, yearTokens: [index, next])
    }

    private func nextYear(after index: Int, within count: Int) -> (year: Int, index: Int)? {
        for candidate in (index + 1)...(index + count) where analysis.document.sameLine(index, candidate) {
            if let year = year(at: candidate) { return (year, candidate) }
        }
        return nil
    }

    private func year(at index: Int) -> Int? {
        guard index < analysis.document.tokens.count else { return nil }
        let token = analysis.document.tokens[index]
        guard token.isNumber, token.original.utf8.count == 4, let value = token.integer, Self.years.contains(value)
        else { return nil }
        return value
    }
}
