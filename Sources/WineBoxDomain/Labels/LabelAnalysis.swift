/// A label text cut into words, with every gazetteer phrase found in it: what the extractors share.
struct LabelAnalysis {
    let document: LabelDocument
    let gazetteer: Gazetteer
    /// Countries, regions and appellations named, left to right.
    let places: [PhraseMatcher<Int>.Match]
    /// Grapes named, left to right; a grape inside a place's name counts only when the name starts with it
    /// ("Barbera d'Alba" names Barbera, "Vino Nobile di Montepulciano" names no grape).
    let grapes: [PhraseMatcher<Int>.Match]
    let classifications: [PhraseMatcher<Int>.Match]
    /// Style words outside place and grape names ("Rosso di Montalcino" and "Tinto Cão" say nothing here).
    let wineTypes: [PhraseMatcher<WineType>.Match]
    /// For each word: true when it is part of a place's name.
    let inPlace: [Bool]
    /// For each word: true when it is part of a grape's name.
    let inGrape: [Bool]
    /// For each word: true when it is part of a place, classification or style term.
    let inTerm: [Bool]

    init(_ text: String, gazetteer: Gazetteer) {
        let document = LabelDocument(text)
        self.document = document
        self.gazetteer = gazetteer
        places = gazetteer.placeIndex.matches(in: document)
        var inPlace = [Bool](repeating: false, count: document.tokens.count)
        var placeStarts: Set<Int> = []
        for match in places {
            placeStarts.insert(match.range.lowerBound)
            for index in match.range { inPlace[index] = true }
        }
        grapes = gazetteer.grapeIndex.matches(in: document).filter {
            !inPlace[$0.range.lowerBound] || placeStarts.contains($0.range.lowerBound)
        }
        var inGrape = [Bool](repeating: false, count: document.tokens.count)
        for match in grapes {
            for index in match.range { inGrape[index] = true }
        }
        classifications = gazetteer.classificationIndex.matches(in: document)
        wineTypes = gazetteer.wineTypeIndex.matches(in: document) { inPlace[$0] || inGrape[$0] }
        var inTerm = inPlace
        for range in classifications.map(\.range) + wineTypes.map(\.range) {
            for index in range { inTerm[index] = true }
        }
        self.inPlace = inPlace
        self.inGrape = inGrape
        self.inTerm = inTerm
    }

    /// True when word `index` exists, stands on the same line as word `anchor`, and its folded form is in `words`.
    func word(_ index: Int, near anchor: Int, in words: Set<String>) -> Bool {
        guard document.sameLine(index, anchor) else { return false }
        return words.contains(document.tokens[index].folded)
    }

    /// True when one of the `count` words before `index` on its line is in `words`.
    func before(_ index: Int, within count: Int, in words: Set<String>) -> Bool {
        (max(0, index - count)..<index).contains { word($0, near: index, in: words) }
    }

    /// True when one of the `count` words after `index` on its line is in `words`.
    func after(_ index: Int, within count: Int, in words: Set<String>) -> Bool {
        ((index + 1)...(index + count)).contains { word($0, near: index, in: words) }
    }
}
