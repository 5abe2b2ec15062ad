import Foundation
import WineBoxDomain
import WineBoxServices
import WineBoxStorage
import WineBoxSupport

/// The household's cellar: wines, lots and their history. Every change runs in one write transaction
/// (`BEGIN IMMEDIATE`), so stock checks and debits cannot interleave with another request's, and a failed request
/// changes nothing.
///
/// Thread-safe; shared by all requests.
final class CellarService: Sendable {
    let database: Database
    /// Where label photos are kept. Files are written before the rows that refer to them and removed after the
    /// rows that referred to them are gone, so a row never points at a missing file.
    let images: LabelImageStore
    /// The clock every cellar timestamp comes from (injected, so tests control it).
    let now: @Sendable () -> Date
    /// Wine details already rendered, reused until the next commit.
    let renderedWines = RenderedWineCache()
    /// Wines as list items (with their lots, without history) already rendered, reused until the next commit.
    let renderedListItems = RenderedWineCache()

    init(database: Database, images: LabelImageStore, now: @escaping @Sendable () -> Date) {
        self.database = database
        self.images = images
        self.now = now
    }

    /// Deletes image files no wine refers to (left behind when a request failed or the process stopped between
    /// storing a photo and committing its wine). Files younger than an hour are kept: their wine may be on its way.
    func removeOrphanedImages(logger: Logger) async {
        do {
            let referenced = try await database.read { connection in try WineStore.imageFileNames(in: connection) }
            // The store logs what it removed.
            _ = images.removeOrphans(referenced: referenced, olderThan: now().addingTimeInterval(-3600))
        } catch {
            logger.warning("Could not look for orphaned label images", [("error", String(describing: error))])
        }
    }

    /// Removes stored label images (and their thumbnails); used after the rows referring to them are gone, or when
    /// the request that stored them failed.
    func removeImages(_ fileNames: [String]) {
        for fileName in fileNames {
            images.remove(fileName: fileName)
        }
    }

    /// Adds a new wine with its bottles; answers the wine and its lots.
    ///
    /// With an `xwinesID`, the empty fields are filled from that X-Wines reference wine first.
    ///
    /// - Throws: ``WineBoxError`` `.invalidInput` for an `xwinesID` the reference does not hold.
    func checkIn(_ request: CheckIn, userID: String?) async throws -> (Wine, [Lot]) {
        var filled = request
        if let xwinesID = request.xwinesID {
            let reference = try await database.read { connection in try XWinesStore.wine(id: xwinesID, in: connection) }
            guard let reference else {
                throw WineBoxError(.invalidInput, "xwines_id \(xwinesID) is not in the X-Wines reference")
            }
            filled.fill(from: XWinesCellarFields(reference))
        }
        let checkIn = filled
        let details = try checkIn.details.validated()
        let timestamp = now()
        let wine = Wine(
            id: Self.newID(), details: details, frontLabelImage: checkIn.frontLabelImage,
            backLabelImage: checkIn.backLabelImage, xwinesID: checkIn.xwinesID,
            enrichedFields: checkIn.enrichedFields, createdAt: timestamp, updatedAt: timestamp)
        let lots = Self.newLots(
            Lot.sizes(bottles: checkIn.quantity, caseSize: checkIn.caseSize), wineID: wine.id,
            purchase: checkIn.purchase, place: checkIn.place, at: timestamp)
        return try await database.write { connection in
            try WineStore.insert(wine, in: connection)
            try ScoreStore.replaceBlend(checkIn.blend, ofWine: wine.id, in: connection)
            try Self.insertCheckingIn(
                lots, date: checkIn.date ?? timestamp, userID: userID, notes: checkIn.eventNotes, at: timestamp,
                in: connection)
            return try Self.wineAndLots(wine.id, in: connection)
        }
    }

    /// Adds bottles to an existing wine: new lots split as at check-in (a lot per full case, then the rest), each
    /// with its check-in event; answers the new lots in that order.
    func addLots(
        wineID: String, quantity: Int, caseSize: Int?, purchase: Lot.Purchase, place: Lot.StoragePlace, date: Date?,
        notes: String, userID: String?
    ) async throws -> [Lot] {
        let timestamp = now()
        let lots = Self.newLots(
            Lot.sizes(bottles: quantity, caseSize: caseSize), wineID: wineID, purchase: purchase, place: place,
            at: timestamp)
        return try await database.write { connection in
            _ = try Self.requireWine(wineID, in: connection)
            try Self.insertCheckingIn(
                lots, date: date ?? timestamp, userID: userID, notes: notes, at: timestamp, in: connection)
            try WineStore.touch(id: wineID, at: timestamp, in: connection)
            return lots
        }
    }

    /// Lots of the given sizes, each stamped a millisecond after the previous one so they keep their order.
    private static func newLots(
        _ sizes: [(quantity: Int, caseSize: Int?)], wineID: String, purchase: Lot.Purchase, place: Lot.StoragePlace,
        at timestamp: Date
    ) -> [Lot] {
        sizes.enumerated().map { index, size in
            Lot(
                id: newID(), wineID: wineID, quantity: size.quantity, initialQuantity: size.quantity,
                caseSize: size.caseSize, purchase: purchase, place: place,
                createdAt: timestamp.addingTimeInterval(Double(index) / 1000), updatedAt: timestamp)
        }
    }

    /// Inserts `lots`, each with the check-in event that brought its bottles in.
    private static func insertCheckingIn(
        _ lots: [Lot], date: Date, userID: String?, notes: String, at timestamp: Date, in connection: Connection
    ) throws {
        for lot in lots {
            try LotStore.insert(lot, in: connection)
            try EventStore.insert(
                CellarEvent(
                    id: newID(), wineID: lot.wineID, lotID: lot.id, type: .checkIn, quantity: lot.quantity, date: date,
                    userID: userID, notes: notes, createdAt: timestamp), in: connection)
        }
    }

    /// Takes bottles out: from the chosen lot, or the oldest lots first. One event per lot debited; a sale price
    /// is shared among them in proportion to their bottles.
    ///
    /// - Throws: ``WineBoxError`` `.notFound` for an unknown wine or lot, `.badRequest` when there are too few
    ///   bottles; nothing changes then.
    func checkOut(wineID: String, _ checkOut: CheckOut, userID: String?) async throws -> (Wine, [Lot]) {
        let timestamp = now()
        return try await database.write { connection in
            _ = try Self.requireWine(wineID, in: connection)
            let lots = try LotStore.lots(ofWine: wineID, in: connection)
            let takes = try CheckoutPlanner.plan(quantity: checkOut.quantity, from: lots, lotID: checkOut.lotID)
            for take in takes {
                guard var lot = lots.first(where: { $0.id == take.lotID }) else { continue }
                lot.quantity -= take.quantity
                lot.updatedAt = timestamp
                try LotStore.update(lot, in: connection)
                var details = checkOut.details
                details.salePrice = checkOut.details.salePrice.map { total in
                    (total * Double(take.quantity) / Double(checkOut.quantity) * 100).rounded() / 100
                }
                try EventStore.insert(
                    CellarEvent(
                        id: Self.newID(), wineID: wineID, lotID: lot.id, type: .checkOut, quantity: take.quantity,
                        date: checkOut.date ?? timestamp, userID: userID, notes: checkOut.notes, checkout: details,
                        createdAt: timestamp), in: connection)
            }
            try WineStore.touch(id: wineID, at: timestamp, in: connection)
            return try Self.wineAndLots(wineID, in: connection)
        }
    }

    /// Moves `quantity` bottles of a lot (all of them when nil) to another place. Moving part of a lot splits it:
    /// the moved bottles become a new lot with the same purchase details. Answers the lot now holding the moved
    /// bottles and the one they left (nil when the whole lot moved).
    func move(lotID: String, quantity: Int?, to place: Lot.StoragePlace, notes: String, userID: String?) async throws
        -> (moved: Lot, left: Lot?)
    {
        let timestamp = now()
        return try await database.write { connection in
            guard var lot = try LotStore.find(id: lotID, in: connection) else {
                throw WineBoxError(.notFound, "Lot not found")
            }
            let count = quantity ?? lot.quantity
            guard lot.quantity > 0 else {
                throw WineBoxError(.badRequest, "This lot has no bottles left to move")
            }
            guard count <= lot.quantity else {
                throw WineBoxError(
                    .badRequest, "Not enough bottles in this lot. Available: \(lot.quantity), Requested: \(count)")
            }
            guard lot.place != place else {
                throw WineBoxError(.invalidInput, "The bottles are already in that place")
            }
            let from = lot.place
            var moved: Lot
            var left: Lot?
            if count == lot.quantity {
                lot.place = place
                lot.updatedAt = timestamp
                try LotStore.update(lot, in: connection)
                moved = lot
            } else {
                lot.quantity -= count
                lot.updatedAt = timestamp
                try LotStore.update(lot, in: connection)
                moved = Lot(
                    id: Self.newID(), wineID: lot.wineID, quantity: count, initialQuantity: count,
                    caseSize: lot.caseSize, purchase: lot.purchase, place: place, createdAt: timestamp,
                    updatedAt: timestamp)
                try LotStore.insert(moved, in: connection)
                left = lot
            }
            try EventStore.insert(
                CellarEvent(
                    id: Self.newID(), wineID: lot.wineID, lotID: moved.id, type: .move, quantity: count,
                    date: timestamp, userID: userID, notes: notes, fromLocation: Self.describe(from),
                    toLocation: Self.describe(place), createdAt: timestamp), in: connection)
            try WineStore.touch(id: lot.wineID, at: timestamp, in: connection)
            return (moved, left)
        }
    }

    /// Changes a wine's details with `change`, validating the result.
    func update(wineID: String, _ change: @escaping @Sendable (inout Wine) throws -> Void) async throws -> (Wine, [Lot])
    {
        let timestamp = now()
        return try await database.write { connection in
            var wine = try Self.requireWine(wineID, in: connection)
            try change(&wine)
            wine.details = try wine.details.validated()
            wine.updatedAt = timestamp
            try WineStore.update(wine, in: connection)
            return try Self.wineAndLots(wineID, in: connection)
        }
    }

    /// Removes a wine with its lots, events, scores and blend; answers the label image files it referred to, for
    /// the caller to delete once the removal is committed.
    func delete(wineID: String) async throws -> [String] {
        try await database.write { connection in
            let wine = try Self.requireWine(wineID, in: connection)
            try WineStore.delete(id: wineID, in: connection)
            return [wine.frontLabelImage, wine.backLabelImage].compactMap { $0 }
        }
    }

    /// The wine's detail as JSON when it was rendered at change `generation` (nothing committed since); nil
    /// otherwise. Never waits.
    func renderedDetailJSON(wineID: String, at generation: UInt64) -> [UInt8]? {
        renderedWines.body(for: wineID, at: generation)
    }

    /// The wine's detail as JSON, from ``renderedWines`` when nothing was committed since it was last rendered.
    func detailJSON(wineID: String) async throws -> [UInt8] {
        let generation = database.changeGeneration()
        if let body = renderedWines.body(for: wineID, at: generation) {
            return body
        }

        var writer = JSONWriter()
        try await detail(wineID: wineID).write(to: &writer)
        renderedWines.keep(writer.bytes, for: wineID, at: generation)
        return writer.bytes
    }

    /// The wine with its lots, blend, scores and history.
    func detail(wineID: String) async throws -> WineResource {
        try await database.read { connection in
            let (wine, lots) = try Self.wineAndLots(wineID, in: connection)
            return WineResource(
                wine: wine, lots: lots, blend: try ScoreStore.blend(ofWine: wineID, in: connection),
                scores: try ScoreStore.scores(ofWine: wineID, in: connection),
                history: try EventStore.history(ofWine: wineID, in: connection))
        }
    }

    /// A page of wines as the JSON array the list endpoints answer, and the total. Items rendered since the last
    /// commit come from ``renderedListItems``; only the others are read and written.
    func listJSON(_ query: WineQuery) async throws -> (body: [UInt8], total: Int) {
        let generation = database.changeGeneration()
        let cache = renderedListItems
        let (ids, total, cached, missing) = try await database.read { connection in
            let (ids, total) = try WineStore.listIDs(query, in: connection)
            var cached: [String: [UInt8]] = [:]
            for id in ids {
                cached[id] = cache.body(for: id, at: generation)
            }
            let absent = ids.filter { cached[$0] == nil }
            let wines = try absent.compactMap { try WineStore.find(id: $0, in: connection) }
            let lots = try LotStore.lots(ofWines: wines.map(\.id), in: connection)
            return (ids, total, cached, wines.map { WineResource(wine: $0, lots: lots[$0.id] ?? []) })
        }

        var bodies = cached
        for resource in missing {
            var writer = JSONWriter()
            resource.write(to: &writer)
            bodies[resource.wine.id] = writer.bytes
            cache.keep(writer.bytes, for: resource.wine.id, at: generation)
        }
        var body: [UInt8] = [UInt8(ascii: "[")]
        body.reserveCapacity(ids.reduce(2) { $0 + (bodies[$1]?.count ?? 0) + 1 })
        for id in ids {
            guard let item = bodies[id] else { continue }
            if body.count > 1 {
                body.append(UInt8(ascii: ","))
            }
            body += item
        }
        body.append(UInt8(ascii: "]"))
        return (body, total)
    }

    func wineAndLots(_ wineID: String) async throws -> (Wine, [Lot]) {
        try await database.read { connection in try Self.wineAndLots(wineID, in: connection) }
    }

    static func wineAndLots(_ wineID: String, in connection: Connection) throws -> (Wine, [Lot]) {
        let wine = try requireWine(wineID, in: connection)
        return (wine, try LotStore.lots(ofWine: wineID, in: connection))
    }

    static func requireWine(_ wineID: String, in connection: Connection) throws -> Wine {
        guard let wine = try WineStore.find(id: wineID, in: connection) else {
            throw WineBoxError(.notFound, "Wine with ID \(wineID) not found")
        }
        return wine
    }

    static func newID() -> String {
        UUID().uuidString.lowercased()
    }

    /// "Cellar / B4" for a place, nil when it has neither location nor bin.
    static func describe(_ place: Lot.StoragePlace) -> String? {
        let parts = [place.location, place.bin].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " / ")
    }
}
