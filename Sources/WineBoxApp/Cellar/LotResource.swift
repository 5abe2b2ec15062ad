import Foundation
import WineBoxDomain
import WineBoxSupport

/// A lot as the API shows it; `wine` is included in lists that span wines.
struct LotResource: JSONWritable {
    let lot: Lot
    var wine: WineReference? = nil

    init(_ lot: Lot) {
        self.lot = lot
    }

    init(_ lot: Lot, wine: WineReference) {
        self.lot = lot
        self.wine = wine
    }

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("id", lot.id)
            json.field("wine_id", lot.wineID)
            json.field("quantity", lot.quantity)
            json.field("initial_quantity", lot.initialQuantity)
            json.field("case_size", lot.caseSize)
            json.field("purchase_date", lot.purchase.date)
            json.field("price_per_bottle", lot.purchase.pricePerBottle)
            json.field("currency", lot.purchase.currency)
            json.field("source", lot.purchase.source)
            json.field("location", lot.place.location)
            json.field("bin", lot.place.bin)
            json.field("created_at", lot.createdAt)
            json.field("updated_at", lot.updatedAt)
            if let wine {
                json.field("wine", WineReferenceResource(wine))
            }
        }
    }
}

/// `{id, name, vintage, winery}`.
struct WineReferenceResource: JSONWritable, Encodable {
    let reference: WineReference

    init(_ reference: WineReference) {
        self.reference = reference
    }

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("id", reference.id)
            json.field("name", reference.name)
            json.field("vintage", reference.vintage)
            json.field("winery", reference.winery)
        }
    }

    enum Key: String, CodingKey { case id, name, vintage, winery }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(reference.id, forKey: .id)
        try container.encode(reference.name, forKey: .name)
        try container.encode(reference.vintage, forKey: .vintage)
        try container.encode(reference.winery, forKey: .winery)
    }
}

/// A page of a new endpoint's list: `{items, total, skip, limit}`.
struct Page<Item: JSONWritable>: JSONWritable {
    let items: [Item]
    let total: Int
    let skip: Int
    let limit: Int

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("items", items)
            json.field("total", total)
            json.field("skip", skip)
            json.field("limit", limit)
        }
    }
}
