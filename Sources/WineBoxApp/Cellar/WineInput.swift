import Foundation
import WineBoxDomain

/// Reads wine, lot and check-out fields from ``InputFields`` with the API's names and limits.
enum WineInput {
    /// Fields that describe a wine, accepted by check-in and `PUT /api/wines/{id}`.
    static let detailFields: Set<String> = [
        "name", "winery", "vintage", "wine_type", "wine_type_id", "grape_variety", "country", "region", "sub_region",
        "appellation", "classification", "alcohol_percentage", "bottle_size_ml", "drink_window_start",
        "drink_window_end", "notes", "front_label_text", "back_label_text", "xwines_id", "custom_fields",
    ]

    /// Longest accepted `custom_fields` text, in characters (as the earlier WineBox).
    static let customFieldsTextLimit = 5000

    /// Fields that describe a purchase and a place, accepted by check-in and new lots.
    static let lotFields: Set<String> = [
        "quantity", "case_size", "purchase_date", "price_per_bottle", "purchase_price", "currency", "source",
        "provenance", "location", "bin", "event_date",
    ]

    static let quantityRange = 1...10_000
    static let caseSizeRange = 1...100
    static let priceRange = 0.0...10_000_000.0

    static func wineType(_ fields: InputFields) throws -> WineType? {
        let expected = WineType.allCases.map(\.rawValue).joined(separator: ", ")
        if let type = try fields.choice("wine_type", WineType.init(loose:), expected: expected) {
            return type
        }
        return try fields.choice("wine_type_id", WineType.init(loose:), expected: expected)
    }

    /// Details from the fields; `name` may be missing (nil) for the caller to decide.
    static func details(_ fields: InputFields) throws -> (name: String?, details: WineDetails) {
        let name = try fields.text("name", limit: WineDetails.nameLimit)
        let limit = WineDetails.shortTextLimit
        let details = WineDetails(
            name: name ?? "", winery: try fields.text("winery", limit: limit),
            vintage: try fields.integer("vintage", range: WineDetails.yearRange), wineType: try wineType(fields),
            grapeVariety: try fields.text("grape_variety", limit: limit),
            country: try fields.text("country", limit: limit), region: try fields.text("region", limit: limit),
            subRegion: try fields.text("sub_region", limit: limit),
            appellation: try fields.text("appellation", limit: limit),
            classification: try fields.text("classification", limit: limit),
            alcoholPercentage: try fields.number("alcohol_percentage", range: 0...100),
            bottleSizeML: try fields.integer("bottle_size_ml", range: WineDetails.bottleSizeRange) ?? 750,
            drinkFrom: try fields.integer("drink_window_start", range: WineDetails.drinkYearRange),
            drinkUntil: try fields.integer("drink_window_end", range: WineDetails.drinkYearRange),
            notes: try fields.text("notes", limit: WineDetails.notesLimit) ?? "",
            frontLabelText: try fields.text("front_label_text", limit: WineDetails.labelTextLimit) ?? "",
            backLabelText: try fields.text("back_label_text", limit: WineDetails.labelTextLimit) ?? "",
            customFields: try fields.stringMap("custom_fields", limit: customFieldsTextLimit) ?? [:])
        return (name, details)
    }

    /// Applies the fields that were sent to `wine` (a partial update): a field sent as null or "" clears it,
    /// except `name`, which must stay non-empty.
    static func apply(_ fields: InputFields, to wine: inout Wine) throws {
        var details = wine.details
        if fields.has("name") {
            guard let name = try fields.text("name", limit: WineDetails.nameLimit) else {
                throw WineBoxError(.invalidInput, "name must not be empty")
            }
            details.name = name
        }
        let limit = WineDetails.shortTextLimit
        let texts: [(String, WritableKeyPath<WineDetails, String?>)] = [
            ("winery", \.winery), ("grape_variety", \.grapeVariety), ("country", \.country), ("region", \.region),
            ("sub_region", \.subRegion), ("appellation", \.appellation), ("classification", \.classification),
        ]
        for (name, keyPath) in texts where fields.has(name) {
            details[keyPath: keyPath] = try fields.text(name, limit: limit)
        }
        if fields.has("vintage") {
            details.vintage = try fields.integer("vintage", range: WineDetails.yearRange)
        }
        if fields.has("wine_type") || fields.has("wine_type_id") {
            details.wineType = try wineType(fields)
        }
        if fields.has("alcohol_percentage") {
            details.alcoholPercentage = try fields.number("alcohol_percentage", range: 0...100)
        }
        if fields.has("bottle_size_ml") {
            details.bottleSizeML = try fields.integer("bottle_size_ml", range: WineDetails.bottleSizeRange) ?? 750
        }
        if fields.has("drink_window_start") {
            details.drinkFrom = try fields.integer("drink_window_start", range: WineDetails.drinkYearRange)
        }
        if fields.has("drink_window_end") {
            details.drinkUntil = try fields.integer("drink_window_end", range: WineDetails.drinkYearRange)
        }
        if fields.has("notes") {
            details.notes = try fields.text("notes", limit: WineDetails.notesLimit) ?? ""
        }
        if fields.has("front_label_text") {
            details.frontLabelText = try fields.text("front_label_text", limit: WineDetails.labelTextLimit) ?? ""
        }
        if fields.has("back_label_text") {
            details.backLabelText = try fields.text("back_label_text", limit: WineDetails.labelTextLimit) ?? ""
        }
        if fields.has("custom_fields") {
            details.customFields = try fields.stringMap("custom_fields", limit: customFieldsTextLimit) ?? [:]
        }
        if fields.has("xwines_id") {
            wine.xwinesID = try fields.integer("xwines_id", range: 1...Int(Int32.max))
        }
        wine.details = details
    }

    /// Purchase details. `purchase_price` is the earlier WineBox's price per case when `case_size` is given, else
    /// per bottle; `price_per_bottle` wins when both are sent.
    static func purchase(_ fields: InputFields, caseSize: Int?) throws -> Lot.Purchase {
        var price = try fields.number("price_per_bottle", range: priceRange)
        if price == nil, let purchasePrice = try fields.number("purchase_price", range: priceRange) {
            price = ((purchasePrice / Double(caseSize ?? 1)) * 100).rounded() / 100
        }
        let source = try fields.text("source", limit: 200) ?? fields.text("provenance", limit: 200)
        return Lot.Purchase(
            date: try fields.calendarDate("purchase_date"), pricePerBottle: price,
            currency: try FieldRules.currency(try fields.text("currency", limit: 10)), source: source)
    }

    static func place(_ fields: InputFields) throws -> Lot.StoragePlace {
        Lot.StoragePlace(location: try fields.text("location", limit: 100), bin: try fields.text("bin", limit: 100))
    }

    /// Check-out fields, with the earlier WineBox's names (`removal_reason`, `sale_price_usd`, `cellar_item_id`,
    /// `removal_notes`) and this one's (`reason`, `sale_price`, `lot_id`).
    static let checkoutFields: Set<String> = [
        "quantity", "notes", "removal_reason", "reason", "tasting_notes", "sale_price", "sale_price_usd", "currency",
        "gift_recipient", "removal_notes", "cellar_item_id", "lot_id", "rating", "event_date",
    ]

    static func checkOut(_ fields: InputFields) throws -> CheckOut {
        try fields.rejectUnknown(allowed: checkoutFields)
        let expected = "DRINK, SELL, GIFT, BREAKAGE, OTHER"
        let reason =
            try fields.choice("removal_reason", RemovalReason.init(loose:), expected: expected)
            ?? fields.choice("reason", RemovalReason.init(loose:), expected: expected) ?? .drank
        let salePrice =
            try fields.number("sale_price", range: priceRange) ?? fields.number("sale_price_usd", range: priceRange)
        let recipient = try fields.text("gift_recipient", limit: 200)
        if reason == .sold && salePrice == nil {
            throw WineBoxError(.invalidInput, "Sale price is required when removing wine as sold")
        }
        if reason == .gifted && recipient == nil {
            throw WineBoxError(.invalidInput, "Recipient name is required when gifting wine")
        }
        var currency = try FieldRules.currency(try fields.text("currency", limit: 10))
        if currency == nil && fields.has("sale_price_usd") {
            currency = "USD"
        }
        let notes = [try fields.text("notes", limit: 2000), try fields.text("removal_notes", limit: 2000)]
            .compactMap { $0 }.joined(separator: "\n")
        let lotText = try fields.text("lot_id", limit: 40) ?? fields.text("cellar_item_id", limit: 40)
        let lotID = try lotText.map { text in
            guard let id = FieldRules.uuid(text) else { throw WineBoxError(.notFound, "Lot not found") }
            return id
        }
        let details = CheckoutDetails(
            reason: reason, salePrice: reason == .sold ? salePrice : nil, currency: reason == .sold ? currency : nil,
            giftRecipient: reason == .gifted ? recipient : nil, rating: try fields.integer("rating", range: 0...100),
            tastingNotes: try fields.text("tasting_notes", limit: 2000) ?? "")
        return CheckOut(
            quantity: try fields.integer("quantity", range: quantityRange) ?? 1, lotID: lotID, details: details,
            notes: notes, date: try fields.instant("event_date"))
    }

    /// The wine id from the path, lower case; an id that is not a UUID cannot exist, so it is a 404.
    static func wineID(_ text: String) throws -> String {
        guard let id = FieldRules.uuid(text) else {
            throw WineBoxError(.notFound, "Wine with ID \(text.prefix(64)) not found")
        }
        return id
    }
}
