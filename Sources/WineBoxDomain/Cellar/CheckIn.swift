public import Foundation

/// Bottles coming into the cellar as a new wine.
public struct CheckIn: Sendable {
    public var details: WineDetails
    /// Bottles, 1…10,000.
    public var quantity: Int
    /// Bottles per case when bought by the case: full cases become one lot each, the rest one loose lot.
    public var caseSize: Int?
    public var purchase: Lot.Purchase
    public var place: Lot.StoragePlace
    /// When the bottles came in; the time of the request when nil.
    public var date: Date?
    /// Notes on the check-in event (not on the wine).
    public var eventNotes: String
    public var frontLabelImage: String?
    public var backLabelImage: String?
    public var xwinesID: Int?
    public var enrichedFields: [String]
    public var blend: [BlendComponent]

    public init(
        details: WineDetails, quantity: Int = 1, caseSize: Int? = nil, purchase: Lot.Purchase = Lot.Purchase(),
        place: Lot.StoragePlace = Lot.StoragePlace(), date: Date? = nil, eventNotes: String = "",
        frontLabelImage: String? = nil, backLabelImage: String? = nil, xwinesID: Int? = nil,
        enrichedFields: [String] = [], blend: [BlendComponent] = []
    ) {
        self.details = details
        self.quantity = quantity
        self.caseSize = caseSize
        self.purchase = purchase
        self.place = place
        self.date = date
        self.eventNotes = eventNotes
        self.frontLabelImage = frontLabelImage
        self.backLabelImage = backLabelImage
        self.xwinesID = xwinesID
        self.enrichedFields = enrichedFields
        self.blend = blend
    }
}

/// Bottles leaving the cellar.
public struct CheckOut: Sendable {
    /// Bottles, 1…10,000.
    public var quantity: Int
    /// Take every bottle from this lot; oldest lots first when nil.
    public var lotID: String?
    public var details: CheckoutDetails
    public var notes: String
    /// When it happened; the time of the request when nil.
    public var date: Date?

    public init(quantity: Int, lotID: String? = nil, details: CheckoutDetails, notes: String = "", date: Date? = nil) {
        self.quantity = quantity
        self.lotID = lotID
        self.details = details
        self.notes = notes
        self.date = date
    }
}
