/// Reads the bottle size in millilitres: "750 ml", "75 cl", "0.75 l", "1,5 L", "150cl", "375ML", or a named size
/// ("Magnum" 1500, "Jeroboam" 3000). A measure wins over a name.
struct BottleSizeExtractor {
    private static let units: [String: Double] = [
        "ml": 1, "cl": 10, "l": 1000, "lt": 1000, "ltr": 1000, "litre": 1000, "liter": 1000, "litro": 1000,
        "litri": 1000, "litres": 1000, "liters": 1000, "litros": 1000,
    ]
    /// Named bottle sizes, longest phrase first where one contains another.
    private static let names: [(phrase: [String], millilitres: Int)] = [
        (["double", "magnum"], 3000), (["half", "bottle"], 375), (["demi", "bouteille"], 375),
        (["magnum"], 1500), (["jeroboam"], 3000), (["rehoboam"], 4500), (["methuselah"], 6000),
        (["imperiale"], 6000), (["salmanazar"], 9000), (["balthazar"], 12000), (["nebuchadnezzar"], 15000),
        (["nabuchodonosor"], 15000), (["piccolo"], 187),
    ]
    private static let accepted = 50...30_000

    let analysis: LabelAnalysis

    func extract() -> Int? {
        measured() ?? named()
    }

    private func measured() -> Int? {
        let document = analysis.document
        for index in document.tokens.indices where document.tokens[index].isNumber {
            guard let number = document.decimal(at: index), document.sameLine(index, number.last + 1),
                let factor = Self.units[document.tokens[number.last + 1].folded],
                document.separator(after: number.last).allSatisfy({ $0 == " " })
            else { continue }
            let millilitres = Int((number.value * factor).rounded())
            if Self.accepted.contains(millilitres) {
                return millilitres
            }
        }
        return nil
    }

    private func named() -> Int? {
        let tokens = analysis.document.tokens
        for index in tokens.indices {
            for name in Self.names where index + name.phrase.count <= tokens.count {
                let words = tokens[index..<(index + name.phrase.count)]
                if zip(words, name.phrase).allSatisfy({ $0.folded == $1 }),
                    analysis.document.sameLine(index, index + name.phrase.count - 1)
                {
                    return name.millilitres
                }
            }
        }
        return nil
    }
}
