/// Reads the alcohol by volume: "13.5% vol", "13,5 % vol.", "Alc. 14% by vol", "ABV: 12.5%", "14% Alc/Vol",
/// "Alcohol 14.0%", "13.5 vol%", "alc./vol. 13%", "12.5°". Only 5.0 to 25.0 is kept.
///
/// A bare percentage ("60% Merlot") is a share of a blend, not alcohol: it needs an alcohol word before or after
/// it. A degree sign alone counts, more weakly, unless it is a serving temperature ("16°C").
struct AlcoholExtractor {
    private static let wordsBefore: Set = [
        "alc", "alcohol", "alcool", "alkohol", "abv", "vol", "alcoholic", "alcoolico", "alkoholgehalt", "graduacion",
        "gradazione", "teor", "alcoolique", "alcohols",
    ]
    private static let wordsAfter: Set = ["vol", "alc", "abv", "alcohol", "alcool", "alk", "alkohol", "volume"]
    private static let temperatureWords: Set = ["serve", "serving", "servir", "temperature", "servire", "c", "f"]
    private static let range = 5.0...25.0

    let analysis: LabelAnalysis

    func extract() -> Double? {
        let document = analysis.document
        var best: (value: Double, score: Int)?
        for index in document.tokens.indices where document.tokens[index].isNumber {
            if index > 0, document.sameLine(index - 1, index), document.tokens[index - 1].isNumber,
                [".", ","].contains(document.separator(before: index))
            {
                continue  // the decimals of the number before
            }
            guard let number = document.decimal(at: index), Self.range.contains(number.value) else { continue }
            let score = score(from: index, to: number.last)
            if score > 0, score > (best?.score ?? 0) {
                best = (number.value, score)
            }
        }
        return best.map { ($0.value * 10).rounded() / 10 }
    }

    /// 3: a percentage or "vol" with an alcohol word; 2: an alcohol word on both sides; 1: a degree sign; 0: none.
    private func score(from first: Int, to last: Int) -> Int {
        let document = analysis.document
        let after = document.separator(after: last)
        let percent = after.contains("%")
        let degree = after.contains { $0 == "°" || $0 == "º" }
        let wordBefore = analysis.before(first, within: 3, in: Self.wordsBefore)
        let wordAfter = analysis.after(last, within: 2, in: Self.wordsAfter)
        if analysis.word(last + 1, near: last, in: ["vol"]) || (percent && (wordBefore || wordAfter)) {
            return 3
        }
        if wordBefore && wordAfter {
            return 2
        }
        if degree, !analysis.after(last, within: 1, in: Self.temperatureWords),
            !analysis.before(first, within: 4, in: Self.temperatureWords)
        {
            return 1
        }
        return 0
    }
}
