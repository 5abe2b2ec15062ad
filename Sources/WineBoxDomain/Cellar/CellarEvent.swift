public import Foundation

/// One entry in a wine's history: bottles in, bottles out, or bottles moved.
public struct CellarEvent: Sendable, Equatable {
    /// A lower-case UUID.
    public var id: String
    public var wineID: String
    /// The lot the bottles came from or went into; nil once that lot is gone.
    public var lotID: String?
    public var type: CellarEventType
    /// Bottles, at least 1.
    public var quantity: Int
    /// When it happened (given by the member, or the time of the request).
    public var date: Date
    /// The member who recorded it; nil once the account is removed.
    public var userID: String?
    public var notes: String
    /// For check-outs only.
    public var checkout: CheckoutDetails?
    /// For moves only.
    public var fromLocation: String?
    public var toLocation: String?
    public var createdAt: Date

    public init(
        id: String, wineID: String, lotID: String?, type: CellarEventType, quantity: Int, date: Date,
        userID: String?, notes: String = "", checkout: CheckoutDetails? = nil, fromLocation: String? = nil,
        toLocation: String? = nil, createdAt: Date
    ) {
        self.id = id
        self.wineID = wineID
        self.lotID = lotID
        self.type = type
        self.quantity = quantity
        self.date = date
        self.userID = userID
        self.notes = notes
        self.checkout = checkout
        self.fromLocation = fromLocation
        self.toLocation = toLocation
        self.createdAt = createdAt
    }
}

/// Why bottles left and what came of it.
public struct CheckoutDetails: Sendable, Equatable {
    public var reason: RemovalReason
    /// Price the bottles were sold for (for `sold`), in `currency`.
    public var salePrice: Double?
    public var currency: String?
    /// Who received them (for `gifted`).
    public var giftRecipient: String?
    /// A personal rating from 0 to 100.
    public var rating: Int?
    public var tastingNotes: String

    public init(
        reason: RemovalReason, salePrice: Double? = nil, currency: String? = nil, giftRecipient: String? = nil,
        rating: Int? = nil, tastingNotes: String = ""
    ) {
        self.reason = reason
        self.salePrice = salePrice
        self.currency = currency
        self.giftRecipient = giftRecipient
        self.rating = rating
        self.tastingNotes = tastingNotes
    }
}
