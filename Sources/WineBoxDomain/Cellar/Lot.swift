public import Foundation

/// Bottles of one wine bought together: a case or loose bottles, with where they came from and where they are.
public struct Lot: Sendable, Equatable {
    /// A lower-case UUID.
    public var id: String
    public var wineID: String
    /// Bottles still in the lot.
    public var quantity: Int
    /// Bottles the lot started with.
    public var initialQuantity: Int
    /// Bottles per case when the lot was bought as a case; nil for loose bottles.
    public var caseSize: Int?
    public var purchase: Purchase
    public var place: StoragePlace
    public var createdAt: Date
    public var updatedAt: Date

    /// How bottles bought together split into lots: bought by the case, each full case is a lot of its own and the
    /// rest one loose lot; fewer bottles than a case stay one lot that keeps the case size (a part case).
    public static func sizes(bottles: Int, caseSize: Int?) -> [(quantity: Int, caseSize: Int?)] {
        guard let caseSize, caseSize > 0, bottles >= caseSize else {
            return [(bottles, caseSize)]
        }
        var sizes = Array(repeating: (quantity: caseSize, caseSize: Optional(caseSize)), count: bottles / caseSize)
        if bottles % caseSize > 0 {
            sizes.append((bottles % caseSize, nil))
        }
        return sizes
    }

    public init(
        id: String, wineID: String, quantity: Int, initialQuantity: Int, caseSize: Int?, purchase: Purchase,
        place: StoragePlace, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.wineID = wineID
        self.quantity = quantity
        self.initialQuantity = initialQuantity
        self.caseSize = caseSize
        self.purchase = purchase
        self.place = place
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Where and for how much a lot was bought.
    public struct Purchase: Sendable, Equatable {
        /// `YYYY-MM-DD`.
        public var date: String?
        /// Price of one bottle, in `currency`.
        public var pricePerBottle: Double?
        /// ISO 4217 code such as `EUR`.
        public var currency: String?
        /// The merchant or person it came from.
        public var source: String?

        public init(date: String? = nil, pricePerBottle: Double? = nil, currency: String? = nil, source: String? = nil)
        {
            self.date = date
            self.pricePerBottle = pricePerBottle
            self.currency = currency
            self.source = source
        }
    }

    /// Where a lot is kept: a location (a cellar, a fridge, a room) and a bin or shelf within it.
    public struct StoragePlace: Sendable, Equatable {
        public var location: String?
        public var bin: String?

        public init(location: String? = nil, bin: String? = nil) {
            self.location = location
            self.bin = bin
        }
    }
}
