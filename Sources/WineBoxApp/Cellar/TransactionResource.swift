import Foundation
import WineBoxDomain

/// An event in the earlier WineBox's transaction shape (`transaction_type` `CHECK_IN`/`CHECK_OUT`, the removal
/// fields), plus this WineBox's `MOVE` events, lot, rating and who recorded it.
struct TransactionResource: Encodable {
    let entry: HistoryEntry

    init(_ entry: HistoryEntry) {
        self.entry = entry
    }

    enum Key: String, CodingKey {
        case id
        case wineID = "wine_id"
        case transactionType = "transaction_type"
        case quantity, notes
        case transactionDate = "transaction_date"
        case createdAt = "created_at"
        case wine
        case lotID = "lot_id"
        case removalReason = "removal_reason"
        case tastingNotes = "tasting_notes"
        case salePrice = "sale_price"
        case salePriceUSD = "sale_price_usd"
        case currency
        case giftRecipient = "gift_recipient"
        case rating
        case removalNotes = "removal_notes"
        case fromLocation = "from_location"
        case toLocation = "to_location"
        case performedBy = "performed_by"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        let event = entry.event
        let checkout = event.checkout
        try container.encode(event.id, forKey: .id)
        try container.encode(event.wineID, forKey: .wineID)
        try container.encode(event.type.rawValue, forKey: .transactionType)
        try container.encode(event.quantity, forKey: .quantity)
        try container.encode(event.notes.isEmpty ? nil : event.notes, forKey: .notes)
        try container.encode(event.date, forKey: .transactionDate)
        try container.encode(event.createdAt, forKey: .createdAt)
        try container.encode(WineReferenceResource(entry.wine), forKey: .wine)
        try container.encode(event.lotID, forKey: .lotID)
        try container.encode(checkout?.reason.referenceName, forKey: .removalReason)
        try container.encode(
            checkout.flatMap { $0.tastingNotes.isEmpty ? nil : $0.tastingNotes }, forKey: .tastingNotes)
        try container.encode(checkout?.salePrice, forKey: .salePrice)
        let inDollars = checkout?.currency == nil || checkout?.currency == "USD"
        try container.encode(inDollars ? checkout?.salePrice : nil, forKey: .salePriceUSD)
        try container.encode(checkout?.currency, forKey: .currency)
        try container.encode(checkout?.giftRecipient, forKey: .giftRecipient)
        try container.encode(checkout?.rating, forKey: .rating)
        let removalNotes = checkout?.reason == .other && !event.notes.isEmpty ? event.notes : nil
        try container.encode(removalNotes, forKey: .removalNotes)
        try container.encode(event.fromLocation, forKey: .fromLocation)
        try container.encode(event.toLocation, forKey: .toLocation)
        try container.encode(
            event.userID.map { Member(id: $0, name: entry.userName ?? "") }, forKey: .performedBy)
    }

    struct Member: Encodable {
        let id: String
        let name: String
    }
}
