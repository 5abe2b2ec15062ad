import Foundation
import WineBoxDomain
import WineBoxSupport

/// A wine as the API shows it, compatible with the earlier WineBox's `WineWithInventory`: the wine's fields,
/// `inventory` (stock, the cases still holding bottles and the loose bottles), the label image paths, and — in
/// this WineBox — the lots, the blend, the image URLs and, on the detail view, the scores and history.
///
/// Absent values are answered as `null`, never left out, so clients see every field. Written with ``JSONWriter``
/// because wine lists and details are the busiest responses.
struct WineResource: JSONWritable {
    let wine: Wine
    let lots: [Lot]
    var blend: [BlendComponent]? = nil
    var scores: [WineScore]? = nil
    var history: [HistoryEntry]? = nil

    func write(to json: inout JSONWriter) {
        json.object { json in
            let details = wine.details
            json.field("id", wine.id)
            json.field("name", details.name)
            json.field("winery", details.winery)
            json.field("vintage", details.vintage)
            json.field("grape_variety", details.grapeVariety)
            json.field("region", details.region)
            json.field("sub_region", details.subRegion)
            json.field("appellation", details.appellation)
            json.field("country", details.country)
            json.field("classification", details.classification)
            json.field("alcohol_percentage", details.alcoholPercentage)
            json.field("wine_type", details.wineType?.rawValue)
            json.field("bottle_size_ml", details.bottleSizeML)
            json.field("drink_window_start", details.drinkFrom)
            json.field("drink_window_end", details.drinkUntil)
            json.field("notes", details.notes)
            json.field("front_label_text", details.frontLabelText)
            json.field("back_label_text", details.backLabelText)
            json.key("custom_fields")
            if details.customFields.isEmpty {
                json.null()
            } else {
                json.object { object in
                    for name in details.customFields.keys.sorted() {
                        object.field(name, details.customFields[name])
                    }
                }
            }
            json.field("front_label_image_path", wine.frontLabelImage)
            json.field("back_label_image_path", wine.backLabelImage)
            json.field("front_label_image_url", wine.frontLabelImage.map(Self.imageURL))
            json.field("back_label_image_url", wine.backLabelImage.map(Self.imageURL))
            json.field("front_label_thumbnail_url", wine.frontLabelImage.map(Self.thumbnailURL))
            json.field("xwines_id", wine.xwinesID)
            json.field("enriched_fields", wine.enrichedFields)
            json.field("created_at", wine.createdAt)
            json.field("updated_at", wine.updatedAt)
            json.field("inventory", Inventory(wine: wine, lots: lots))
            json.field("lots", lots.map(LotResource.init))
            if let blend {
                json.field("blend", blend.map(BlendResource.init))
            }
            if let scores {
                json.field("scores", scores.map(ScoreResource.init))
                json.field("average_score", ScoreResource.average(scores))
            }
            if let history {
                json.field("transactions", history.map(TransactionResource.init))
            }
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
    struct Inventory: JSONWritable {
        let wine: Wine
        let lots: [Lot]

        func write(to json: inout JSONWriter) {
            let cases = lots.filter { $0.caseSize != nil && $0.quantity > 0 }
            let inCases = cases.reduce(0) { $0 + $1.quantity }
            json.object { json in
                json.field("quantity", wine.bottles)
                json.field("case_size", cases.first?.caseSize)
                json.field("cases", cases.map(CaseResource.init))
                json.field("loose_bottles", max(0, wine.bottles - inCases))
                json.field("updated_at", wine.updatedAt)
            }
        }
    }

    /// A case in the earlier WineBox's shape (`purchase_price` is per case).
    struct CaseResource: JSONWritable {
        let lot: Lot

        func write(to json: inout JSONWriter) {
            let casePrice = lot.purchase.pricePerBottle.map { price in
                ((price * Double(lot.caseSize ?? 1)) * 100).rounded() / 100
            }
            json.object { json in
                json.field("cellar_item_id", lot.id)
                json.field("case_size", lot.caseSize)
                json.field("bottles_remaining", lot.quantity)
                json.field("provenance", lot.purchase.source)
                json.field("purchase_price", casePrice)
                json.field("purchase_date", lot.purchase.date)
            }
        }
    }
}

/// One grape of a blend as the API shows it.
struct BlendResource: JSONWritable {
    let component: BlendComponent

    init(_ component: BlendComponent) {
        self.component = component
    }

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("grape", component.grape)
            json.field("percentage", component.percentage)
        }
    }
}
