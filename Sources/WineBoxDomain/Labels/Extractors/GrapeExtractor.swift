/// Reads the grapes: every variety named, in canonical spelling and label order, each once, with its share when
/// the label gives one ("60% Cabernet Sauvignon, 40% Merlot" or "Merlot 60%, Cabernet Franc 40%").
///
/// The dominant grape is the one with the largest share, else the first named.
struct GrapeExtractor {
    struct Result {
        var grapes: [BlendComponent]
        var dominant: String?
    }

    let analysis: LabelAnalysis

    func extract() -> Result {
        let document = analysis.document
        var components: [BlendComponent] = []
        var lines: [Int: [(match: PhraseMatcher<Int>.Match, component: Int)]] = [:]
        for match in analysis.grapes {
            guard let grape = match.payloads.first.map({ analysis.gazetteer.grapes[$0].name }) else { continue }
            let index = components.firstIndex { $0.grape == grape } ?? components.count
            if index == components.count {
                components.append(BlendComponent(grape: grape, percentage: nil))
            }
            lines[document.tokens[match.range.lowerBound].line, default: []].append((match, index))
        }
        for (_, matches) in lines.sorted(by: { $0.key < $1.key }) {
            let before = matches.map { share(before: $0.match.range.lowerBound) }
            let after = matches.map { share(after: $0.match.range.upperBound - 1) }
            let useAfter = after.compactMap { $0 }.count > before.compactMap { $0 }.count
            for (offset, entry) in matches.enumerated() where components[entry.component].percentage == nil {
                components[entry.component].percentage = useAfter ? after[offset] : before[offset]
            }
        }
        let dominant =
            components.filter { $0.percentage != nil }.max { ($0.percentage ?? 0) < ($1.percentage ?? 0) }
            ?? components.first
        return Result(grapes: components, dominant: dominant?.grape)
    }

    /// "60% Merlot", "60 % Merlot": the share written just before the grape at word `index`.
    private func share(before index: Int) -> Double? {
        let document = analysis.document
        guard document.separator(before: index).filter({ $0 != " " }) == "%" else { return nil }
        var first = index - 1
        if first > 0, document.sameLine(first - 1, index), document.tokens[first].isNumber,
            [".", ","].contains(document.separator(before: first)), document.tokens[first - 1].isNumber
        {
            first -= 1
        }
        guard document.sameLine(first, index), let number = document.decimal(at: first), number.last == index - 1
        else { return nil }
        return Self.percentage(number.value)
    }

    /// "Merlot 60%", "Merlot: 60 %", "Merlot (60%)": the share written just after the grape ending at word `index`.
    private func share(after index: Int) -> Double? {
        let document = analysis.document
        let next = index + 1
        guard document.sameLine(index, next), document.separator(after: index).allSatisfy({ " :(-".contains($0) }),
            let number = document.decimal(at: next), document.separator(after: number.last).contains("%"),
            !analysis.after(number.last, within: 1, in: ["vol", "alc", "abv"])
        else { return nil }
        return Self.percentage(number.value)
    }

    private static func percentage(_ value: Double) -> Double? {
        value > 0 && value <= 100 ? value : nil
    }
}
