import WineBoxDomain

/// The JSON answer of `POST /api/wines/scan`: the earlier WineBox's `{parsed, ocr, method}` with every key present
/// (null when not read), plus the X-Wines `candidates`, the fields X-Wines filled and the time taken.
struct LabelScanResource: Encodable {
    let scan: LabelScan

    enum CodingKeys: String, CodingKey {
        case parsed, ocr, method, candidates
        case claudeError = "claude_error"
        case enrichedFields = "enriched_fields"
        case elapsedMilliseconds = "elapsed_ms"
    }

    enum ParsedKeys: String, CodingKey {
        case name, winery, vintage, region, appellation, country, classification
        case grapeVariety = "grape_variety"
        case grapes
        case subRegion = "sub_region"
        case alcoholPercentage = "alcohol_percentage"
        case wineType = "wine_type"
        case bottleSizeML = "bottle_size_ml"
        case drinkFrom = "drink_from"
        case drinkUntil = "drink_until"
        case xwinesID = "xwines_id"
    }

    enum TextKeys: String, CodingKey {
        case front = "front_label_text"
        case back = "back_label_text"
    }

    enum GrapeKeys: String, CodingKey {
        case grape, percentage
    }

    /// An X-Wines candidate: the wine as `GET /api/xwines/search` lists it, plus its match `score` (0–1).
    struct Candidate: Encodable {
        let match: XWinesMatch

        enum ScoreKey: String, CodingKey {
            case score
        }

        func encode(to encoder: any Encoder) throws {
            try XWinesRoutes.SearchResult(match.wine).encode(to: encoder)
            var container = encoder.container(keyedBy: ScoreKey.self)
            try container.encode((match.score * 1000).rounded() / 1000, forKey: .score)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try encodeParsed(into: container.nestedContainer(keyedBy: ParsedKeys.self, forKey: .parsed))
        var texts = container.nestedContainer(keyedBy: TextKeys.self, forKey: .ocr)
        try texts.encode(scan.reading.frontText.isEmpty ? nil : scan.reading.frontText, forKey: .front)
        try texts.encode(scan.reading.backText.isEmpty ? nil : scan.reading.backText, forKey: .back)
        try container.encode(scan.reading.method.name, forKey: .method)
        if case .offlineAfterClaudeFailure(let reason) = scan.reading.method {
            try container.encode(reason, forKey: .claudeError)
        }
        try container.encode(scan.candidates.map(Candidate.init), forKey: .candidates)
        try container.encode(scan.enrichedFields, forKey: .enrichedFields)
        let milliseconds =
            scan.elapsed.components.seconds * 1000 + scan.elapsed.components.attoseconds / 1_000_000_000_000_000
        try container.encode(milliseconds, forKey: .elapsedMilliseconds)
    }

    private func encodeParsed(into container: KeyedEncodingContainer<ParsedKeys>) throws {
        var parsed = container
        let fields = scan.reading.fields
        try parsed.encode(fields.name, forKey: .name)
        try parsed.encode(fields.winery, forKey: .winery)
        try parsed.encode(fields.vintage, forKey: .vintage)
        try parsed.encode(fields.grapeVariety, forKey: .grapeVariety)
        var grapes = parsed.nestedUnkeyedContainer(forKey: .grapes)
        for component in fields.grapes {
            var grape = grapes.nestedContainer(keyedBy: GrapeKeys.self)
            try grape.encode(component.grape, forKey: .grape)
            try grape.encode(component.percentage, forKey: .percentage)
        }
        try parsed.encode(fields.region, forKey: .region)
        try parsed.encode(fields.subRegion, forKey: .subRegion)
        try parsed.encode(fields.appellation, forKey: .appellation)
        try parsed.encode(fields.country, forKey: .country)
        try parsed.encode(fields.classification, forKey: .classification)
        try parsed.encode(fields.alcoholPercentage, forKey: .alcoholPercentage)
        try parsed.encode(fields.wineType?.rawValue, forKey: .wineType)
        try parsed.encode(fields.bottleSizeML, forKey: .bottleSizeML)
        try parsed.encode(fields.drinkFrom, forKey: .drinkFrom)
        try parsed.encode(fields.drinkUntil, forKey: .drinkUntil)
        try parsed.encode(scan.xwinesID, forKey: .xwinesID)
    }
}
