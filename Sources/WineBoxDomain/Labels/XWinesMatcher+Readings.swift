extension XWinesMatcher {
    /// `fields` without the name and winery that were only partial or misread readings of the identified wine's
    /// own name and winery, so that ``filling(_:from:)`` puts the reference's spelling in their place.
    ///
    /// The parser guesses the name and the producer from OCR lines ("Field Blend" for "Lacrau Colheita Field Blend",
    /// "Campol" for the producer Campolargo, the producer's line taken for the name). When every significant word of
    /// such a guess stands for a word of the reference wine's name or winery (``WordSimilarity``), the guess says
    /// nothing the reference does not say better, and it is dropped. A guess with any other word (a name the
    /// reference does not know) is kept. Only for a wine identified with confidence; every other field is
    /// untouched.
    public static func withoutPartialReadings(_ fields: LabelFields, of wine: XWinesWine) -> LabelFields {
        let referenceWords = XWinesMatchWords.distinctFolded([wine.name, wine.wineryName ?? ""].joined(separator: " "))
            .filter { $0.unicodeScalars.count >= 3 }
            .map(WordSimilarity.init(reference:))
        func isPartialReading(_ text: String?) -> Bool {
            guard let text else { return false }
            let words = XWinesMatchWords.distinctFolded(text).filter {
                $0.unicodeScalars.count >= 3 && XWinesMatchWords.isSignificant($0)
            }
            return !words.isEmpty
                && words.allSatisfy { word in
                    let scalars = word.unicodeScalars.map(\.value)
                    let pairs = WordSimilarity.bigrams(of: scalars)
                    return referenceWords.contains { $0.similarity(to: scalars, labelBigrams: pairs) > 0 }
                }
        }
        var result = fields
        if isPartialReading(fields.name) {
            result.name = nil
        }
        if isPartialReading(fields.winery) {
            result.winery = nil
        }
        return result
    }
}
