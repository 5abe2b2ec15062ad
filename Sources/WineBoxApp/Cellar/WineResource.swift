import Foundation
import WineBoxDomain

/// A wine as the API shows it, compatible with the earlier WineBox's `WineWithInventory`: the wine's fields,
/// `inventory` (stock, the cases still holding bottles and the loose bottles), the label image paths, and — in
/// this WineBox — the lots, the blend, the image URLs and, on the detail view, the scores and history.
///
/// Absent values are answered as `null`, never left out, so clients see every field.
struct WineResource: Encodable {
    let wine: Wine
    let lots: [Lot]
    var blend: [BlendComponent]? = nil
    var scores: [WineScore]? = nil
    var history: [HistoryEntry]? = nil

    enum Key: String, CodingKey {
        case id, name, winery, vintage
        case grapeVariety = "grape_variety"
        case region
        case subRegion = "sub_region"
        case appellation
        case country, classification
        case alcoholPercentage = "alcohol_percentage"
        case wineType = "wine_type"
        case bottleSizeML = "bottle_size_ml"
        case drinkWindowStart = "drink_window_start"
        case drinkWindowEnd = "drink_window_end"
        case notes
        case frontLabelText = "front_label_text"
        case backLabelText = "back_label_text"
        case frontLabelImagePath = "front_label_image_path"
        case backLabelImagePath = "back_label_image_path"
        case frontLabelImageURL = "front_label_image_url"
        case backLabelImageURL = "back_label_image_url"
        case frontLabelThumbnailURL = "front_label_thumbnail_url"
        case xwinesID = "xwines_id"
        case enrichedFields = "enriched_fields"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case inventory, lots, blend, scores
        case averageScore = "average_score"
        case transactions
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        let details = wine.details
        try container.encode(wine.id, forKey: .id)
        try container.encode(details.name, forKey: .name)
        try container.encode(details.winery, forKey: .winery)
        try container.encode(details.vintage, forKey: .vintage)
        try container.encode(details.grapeVariety, forKey: .grapeVariety)
        try container.encode(details.region, forKey: .region)
        try container.encode(details.subRegion, forKey: .subRegion)
        try container.encode(details.appellation, forKey: .appellation)
        try container.encode(details.country, forKey: .country)
        try container.encode(details.classification, forKey: .classification)
        try container.encode(details.alcoholPercentage, forKey: .alcoholPercentage)
        try container.encode(details.wineType?.rawValue, forKey: .wineType)
        try container.encode(details.bottleSizeML, forKey: .bottleSizeML)
        try container.encode(details.drinkFrom, forKey: .drinkWindowStart)
        try container.encode(details.drinkUntil, forKey: .drinkWindowEnd)
        try container.encode(details.notes, forKey: .notes)
        try container.encode(details.frontLabelText, forKey: .frontLabelText)
        try container.encode(details.backLabelText, forKey: .backLabelText)
        try container.encode(wine.frontLabelImage, forKey: .frontLabelImagePath)
        try container.encode(wine.backLabelImage, forKey: .backLabelImagePath)
        try container.encode(wine.frontLabelImage.map(Self.imageURL), forKey: .frontLabelImageURL)
        try container.encode(wine.backLabelImage.map(Self.imageURL), forKey: .backLabelImageURL)
        try container.encode(wine.frontLabelImage.map(Self.thumbnailURL), forKey: .frontLabelThumbnailURL)
        try container.encode(wine.xwinesID, forKey: .xwinesID)
        try container.encode(wine.enrichedFields, forKey: .enrichedFields)
        try container.encode(wine.createdAt, forKey: .createdAt)
        try container.encode(wine.updatedAt, forKey: .updatedAt)
        try container.encode(Inventory(wine: wine, lots: lots), forKey: .inventory)
        try container.encode(lots.map(LotResource.init), forKey: .lots)
        if let blend {
            try container.encode(blend.map(BlendResource.init), forKey: .blend)
        }
        if let scores {
            try container.encode(scores.map(ScoreResource.init), forKey: .scores)
            try container.encode(ScoreResource.average(scores), forKey: .averageScore)
        }
        if let history {
            try container.encode(history.map(TransactionResource.init), forKey: .transactions)
        }
    }

    static func imageURL(_ fileName: String) -> String { "/api/images/" + fileName }

    /// The thumbnail the image store writes beside each photo: `<uuid>.thumb.jpg`.
    static func thumbnailURL(_ fileName: String) -> String {
        let stem = fileName.split(separator: ".").first.map(String.init) ?? fileName
        return "/api/images/" + stem + ".thumb.jpg"
    }

    /// The earlier WineBox's `inventory` object: the stock, the cases that still hold bottles (oldest first) and
    /// the bottles not in such a case.
    struct Inventory: Encodable {
        let wine: Wine
        let lots: [Lot]

        enum Key: String, CodingKey {
            case quantity
            case caseSize = "case_size"
            case cases
            case looseBottles = "loose_bottles"
            case updatedAt = "updated_at"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            let cases = lots.filter { $0.caseSize != nil && $0.quantity > 0 }
            let inCases = cases.reduce(0) { $0 + $1.quantity }
            try container.encode(wine.bottles, forKey: .quantity)
            try container.encode(cases.first?.caseSize, forKey: .caseSize)
            try container.encode(cases.map(CaseResource.init), forKey: .cases)
            try container.encode(max(0, wine.bottles - inCases), forKey: .looseBottles)
            try container.encode(wine.updatedAt, forKey: .updatedAt)
        }
    }

    /// A case in the earlier WineBox's shape.
    struct CaseResource: Encodable {
        let lot: Lot

        enum Key: String, CodingKey {
            case cellarItemID = "cellar_item_id"
            case caseSize = "case_size"
            case bottlesRemaining = "bottles_remaining"
            case provenance
            case purchasePrice = "purchase_price"
            case purchaseDate = "purchase_date"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(lot.id, forKey: .cellarItemID)
            try container.encode(lot.caseSize, forKey: .caseSize)
            try container.encode(lot.quantity, forKey: .bottlesRemaining)
            try container.encode(lot.purchase.source, forKey: .provenance)
            let casePrice = lot.purchase.pricePerBottle.map { price in
                ((price * Double(lot.caseSize ?? 1)) * 100).rounded() / 100
            }
            try container.encode(casePrice, forKey: .purchasePrice)
            try container.encode(lot.purchase.date, forKey: .purchaseDate)
        }
    }
}

/// One grape of a blend as the API shows it.
struct BlendResource: Encodable {
    let grape: String
    let percentage: Double?

    init(_ component: BlendComponent) {
        grape = component.grape
        percentage = component.percentage
    }

    enum CodingKeys: String, CodingKey { case grape, percentage }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(grape, forKey: .grape)
        try container.encode(percentage, forKey: .percentage)
    }
}
