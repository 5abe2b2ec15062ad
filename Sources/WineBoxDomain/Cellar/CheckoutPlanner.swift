/// Decides which lots a check-out takes its bottles from.
///
/// Without a chosen lot, the oldest bottles go first: lots ordered by purchase date (lots without a date after
/// those with one), then by when they were recorded, then by id, so the choice is stable.
public enum CheckoutPlanner {
    /// How many bottles to take from which lot.
    public struct Take: Sendable, Equatable {
        public let lotID: String
        public let quantity: Int

        public init(lotID: String, quantity: Int) {
            self.lotID = lotID
            self.quantity = quantity
        }
    }

    /// The takes for `quantity` bottles from `lots` (all of one wine).
    ///
    /// - Parameter lotID: Take every bottle from this lot.
    /// - Throws: ``WineBoxError`` `.notFound` when `lotID` is not one of `lots`; `.badRequest` when there are
    ///   fewer bottles than asked for ("Not enough bottles in stock. Available: X, Requested: Y").
    public static func plan(quantity: Int, from lots: [Lot], lotID: String? = nil) throws -> [Take] {
        if let lotID {
            guard let lot = lots.first(where: { $0.id == lotID }) else {
                throw WineBoxError(.notFound, "Lot not found")
            }
            guard lot.quantity >= quantity else {
                throw WineBoxError(
                    .badRequest, "Not enough bottles in this lot. Available: \(lot.quantity), Requested: \(quantity)")
            }
            return [Take(lotID: lot.id, quantity: quantity)]
        }

        let available = lots.reduce(0) { $0 + $1.quantity }
        guard available >= quantity else {
            throw WineBoxError(
                .badRequest, "Not enough bottles in stock. Available: \(available), Requested: \(quantity)")
        }

        var remaining = quantity
        var takes: [Take] = []
        for lot in lots.sorted(by: oldestFirst) where remaining > 0 && lot.quantity > 0 {
            let take = min(lot.quantity, remaining)
            takes.append(Take(lotID: lot.id, quantity: take))
            remaining -= take
        }
        return takes
    }

    /// The order in which lots are drunk by default.
    public static func oldestFirst(_ left: Lot, _ right: Lot) -> Bool {
        switch (left.purchase.date, right.purchase.date) {
        case (let leftDate?, let rightDate?) where leftDate != rightDate:
            return leftDate < rightDate
        case (.some, nil):
            return true
        case (nil, .some):
            return false
        default:
            if left.createdAt != right.createdAt {
                return left.createdAt < right.createdAt
            }
            return left.id < right.id
        }
    }
}
