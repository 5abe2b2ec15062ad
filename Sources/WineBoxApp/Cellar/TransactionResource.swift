import Foundation
import WineBoxDomain
import WineBoxSupport

/// An event in the earlier WineBox's transaction shape (`transaction_type` `CHECK_IN`/`CHECK_OUT`, the removal
/// fields), plus this WineBox's `MOVE` events, lot, rating and who recorded it.
struct TransactionResource: JSONWritable {
    let entry: HistoryEntry

    init(_ entry: HistoryEntry) {
        self.entry = entry
    }

    func write(to json: inout JSONWriter) {
        let event = entry.event
        let checkout = event.checkout
        let inDollars = checkout?.currency == nil || checkout?.currency == "USD"
        json.object { json in
            json.field("id", event.id)
            json.field("wine_id", event.wineID)
            json.field("transaction_type", event.type.rawValue)
            json.field("quantity", event.quantity)
            json.field("notes", event.notes.isEmpty ? nil : event.notes)
            json.field("transaction_date", event.date)
            json.field("created_at", event.createdAt)
            json.field("wine", WineReferenceResource(entry.wine))
            json.field("lot_id", event.lotID)
            json.field("removal_reason", checkout?.reason.referenceName)
            json.field("tasting_notes", checkout.flatMap { $0.tastingNotes.isEmpty ? nil : $0.tastingNotes })
            json.field("sale_price", checkout?.salePrice)
            json.field("sale_price_usd", inDollars ? checkout?.salePrice : nil)
            json.field("currency", checkout?.currency)
            json.field("gift_recipient", checkout?.giftRecipient)
            json.field("rating", checkout?.rating)
            json.field("removal_notes", checkout?.reason == .other && !event.notes.isEmpty ? event.notes : nil)
            json.field("from_location", event.fromLocation)
            json.field("to_location", event.toLocation)
            json.key("performed_by")
            if let userID = event.userID {
                json.object { json in
                    json.field("id", userID)
                    json.field("name", entry.userName ?? "")
                }
            } else {
                json.null()
            }
        }
    }
}
