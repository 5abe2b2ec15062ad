import Foundation
import WineBoxDomain

/// A lot as the API shows it; `wine` is included in lists that span wines.
struct LotResource: Encodable {
    let lot: Lot
    var wine: WineReference? = nil

    init(_ lot: Lot) {
        self.lot = lot
    }

    init(_ lot: Lot, wine: WineReference) {
        self.lot = lot
        self.wine = wine
    }

    enum Key: String, CodingKey {
        case id
        case wineID = "wine_id"
        case quantity
        case initialQuantity = "initial_quantity"
        case caseSize = "case_size"
        case purchaseDate = "purchase_date"
        case pricePerBottle = "price_per_bottle"
        case currency, source, location, bin
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case wine
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(lot.id, forKey: .id)
        try container.encode(lot.wineID, forKey: .wineID)
        try container.encode(lot.quantity, forKey: .quantity)
        try container.encode(lot.initialQuantity, forKey: .initialQuantity)
        try container.encode(lot.caseSize, forKey: .caseSize)
        try container.encode(lot.purchase.date, forKey: .purchaseDate)
        try container.encode(lot.purchase.pricePerBottle, forKey: .pricePerBottle)
        try container.encode(lot.purchase.currency, forKey: .currency)
        try container.encode(lot.purchase.source, forKey: .source)
        try container.encode(lot.place.location, forKey: .location)
        try container.encode(lot.place.bin, forKey: .bin)
        try container.encode(lot.createdAt, forKey: .createdAt)
        try container.encode(lot.updatedAt, forKey: .updatedAt)
        if let wine {
            try container.encode(WineReferenceResource(wine), forKey: .wine)
        }
    }
}

/// `{id, name, vintage, winery}`.
struct WineReferenceResource: Encodable {
    let reference: WineReference

    init(_ reference: WineReference) {
        self.reference = reference
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
