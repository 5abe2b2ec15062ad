/// Reads a wine's details from the OCR text of its labels, offline, with the place and grape names of a
/// ``Gazetteer``.
///
/// OCR text is noisy (stray symbols, broken words, mixed case), so every rule is forgiving and matches whole words
/// only, ignoring case and accents. Each field is read by its own extractor in `Labels/Extractors`; a field the
/// text does not support stays nil. The result is a proposal for a person to confirm.
///
/// Pure and `Sendable`; time is linear in the text's length (about 3 ms for a 1.3 KB label in a debug build).
/// Text beyond ``LabelDocument/scalarLimit`` characters is ignored, so any input is safe.
public struct LabelTextParser: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer = .standard) {
        self.gazetteer = gazetteer
    }

    /// The fields found in `text`: the front and back labels' text, joined by a newline.
    ///
    /// - Parameter currentYear: the latest year accepted as a vintage (a later one is a misread or a drinking year);
    ///   also the start of a window that says "drink now".
    public func parse(_ text: String, currentYear: Int) -> LabelFields {
        let analysis = LabelAnalysis(text, gazetteer: gazetteer)
        var fields = LabelFields()
        guard !analysis.document.tokens.isEmpty else { return fields }

        let window = DrinkWindowExtractor(analysis: analysis, currentYear: currentYear).extract()
        fields.drinkFrom = window?.from
        fields.drinkUntil = window?.until

        let places = PlaceExtractor(analysis: analysis).extract()
        fields.appellation = places.appellation?.name
        fields.region = places.region
        fields.subRegion = places.subRegion
        fields.country = places.country

        let grapes = GrapeExtractor(analysis: analysis).extract()
        fields.grapes = grapes.grapes
        fields.grapeVariety = grapes.dominant
        fields.wineType = WineTypeInference(
            analysis: analysis, appellation: places.appellation, dominantGrape: grapes.dominant
        ).infer()
        fields.classification = ClassificationExtractor(analysis: analysis).extract()
        fields.alcoholPercentage = AlcoholExtractor(analysis: analysis).extract()
        fields.bottleSizeML = BottleSizeExtractor(analysis: analysis).extract()

        let producer = ProducerExtractor(analysis: analysis).extract()
        fields.winery = producer?.name
        var wineLines = Set(analysis.grapes.map { analysis.document.tokens[$0.range.lowerBound].line })
        if let producer { wineLines.insert(producer.line) }
        fields.vintage = VintageExtractor(
            analysis: analysis, currentYear: currentYear, excluded: window?.yearTokens ?? [], wineLines: wineLines
        ).extract()
        fields.name = NameExtractor(analysis: analysis, producer: producer, vintage: fields.vintage).extract()
        return fields
    }
}
