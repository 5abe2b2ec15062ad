import Foundation
import WineBoxDomain
import WineBoxHTTP
import WineBoxStorage
import WineBoxSupport
import WineBoxWeb

/// Lots: `GET/POST /api/wines/{id}/lots`, `GET /api/lots`, `GET/PATCH /api/lots/{id}`, `POST /api/lots/{id}/move`
/// and `GET /api/locations`. New endpoints answer `{items, total, skip, limit}`.
enum LotRoutes {
    struct MoveResult: JSONWritable {
        let moved: LotResource
        let remaining: LotResource?

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.field("moved", moved)
                json.field("remaining", remaining)
            }
        }
    }

    struct LocationResource: JSONWritable {
        let location: String
        let bottles: Int
        let lots: Int

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.field("location", location)
                json.field("bottles", bottles)
                json.field("lots", lots)
            }
        }
    }

    static func register(on router: inout Router, cellar: CellarService) {
        router.add(.get, "/api/wines/{id}/lots") { _, context in
            let wineID = try WineInput.wineID(try context.parameters.require("id"))
            let (_, lots) = try await cellar.wineAndLots(wineID)
            return .json(
                writing: Page(items: lots.map(LotResource.init), total: lots.count, skip: 0, limit: lots.count))
        }

        router.add(.post, "/api/wines/{id}/lots") { request, context in
            let wineID = try WineInput.wineID(try context.parameters.require("id"))
            let fields = try InputFields(body: request)
            try fields.rejectUnknown(allowed: WineInput.lotFields.union(["notes"]))
            let caseSize = try fields.integer("case_size", range: WineInput.caseSizeRange)
            let lots = try await cellar.addLots(
                wineID: wineID, quantity: try fields.integer("quantity", range: WineInput.quantityRange) ?? 1,
                caseSize: caseSize, purchase: try WineInput.purchase(fields, caseSize: caseSize),
                place: try WineInput.place(fields), date: try fields.instant("event_date"),
                notes: try fields.text("notes", limit: 2000) ?? "", userID: context.signedIn?.user.id)
            return .json(
                writing: Page(items: lots.map(LotResource.init), total: lots.count, skip: 0, limit: lots.count),
                status: .created)
        }

        router.add(.get, "/api/lots") { request, _ in
            let fields = try InputFields(query: request)
            try fields.rejectUnknown(allowed: ["skip", "limit", "location", "in_stock"])
            let skip = try fields.integer("skip", range: 0...1_000_000) ?? 0
            let limit = try fields.integer("limit", range: 1...WineQueryInput.maximumLimit) ?? 100
            let location = try fields.text("location", limit: 100)
            let inStockOnly = try fields.boolean("in_stock") ?? true
            let (lots, total) = try await cellar.database.read { connection in
                try LotStore.list(
                    location: location, inStockOnly: inStockOnly, skip: skip, limit: limit, in: connection)
            }
            return .json(
                writing: Page(items: lots.map { LotResource($0.0, wine: $0.1) }, total: total, skip: skip, limit: limit)
            )
        }

        router.add(.get, "/api/locations") { request, _ in
            try InputFields(query: request).rejectUnknown(allowed: [])
            let locations = try await cellar.database.read { connection in try LotStore.locations(in: connection) }
            let items = locations.map { LocationResource(location: $0.location, bottles: $0.bottles, lots: $0.lots) }
            return .json(writing: Page(items: items, total: items.count, skip: 0, limit: items.count))
        }

        router.add(.get, "/api/lots/{id}") { _, context in
            let lotID = try lotID(context)
            let lot = try await cellar.database.read { connection in try LotStore.find(id: lotID, in: connection) }
            guard let lot else { throw WineBoxError(.notFound, "Lot not found") }
            return .json(writing: LotResource(lot))
        }

        router.add(.patch, "/api/lots/{id}") { request, context in
            let lotID = try lotID(context)
            let fields = try InputFields(body: request)
            try fields.rejectUnknown(
                allowed: ["purchase_date", "price_per_bottle", "currency", "source", "bin", "case_size"])
            guard !fields.names.isEmpty else {
                throw WineBoxError(.invalidInput, "Send at least one field to change")
            }
            let lot = try await cellar.database.write { connection in
                guard var lot = try LotStore.find(id: lotID, in: connection) else {
                    throw WineBoxError(.notFound, "Lot not found")
                }
                try apply(fields, to: &lot)
                lot.updatedAt = cellar.now()
                try LotStore.update(lot, in: connection)
                return lot
            }
            return .json(writing: LotResource(lot))
        }

        router.add(.post, "/api/lots/{id}/move") { request, context in
            let lotID = try lotID(context)
            let fields = try InputFields(body: request)
            try fields.rejectUnknown(allowed: ["quantity", "location", "bin", "notes"])
            let result = try await cellar.move(
                lotID: lotID, quantity: try fields.integer("quantity", range: WineInput.quantityRange),
                to: try WineInput.place(fields), notes: try fields.text("notes", limit: 2000) ?? "",
                userID: context.signedIn?.user.id)
            return .json(
                writing: MoveResult(moved: LotResource(result.moved), remaining: result.left.map(LotResource.init)))
        }
    }

    /// Changes the purchase details of a lot (not its bottles: those change by check-in, check-out and moves).
    /// `location` is changed by moving, so the history records it.
    static func apply(_ fields: InputFields, to lot: inout Lot) throws {
        if fields.has("purchase_date") {
            lot.purchase.date = try fields.calendarDate("purchase_date")
        }
        if fields.has("price_per_bottle") {
            lot.purchase.pricePerBottle = try fields.number("price_per_bottle", range: WineInput.priceRange)
        }
        if fields.has("currency") {
            lot.purchase.currency = try FieldRules.currency(try fields.text("currency", limit: 10))
        }
        if fields.has("source") {
            lot.purchase.source = try fields.text("source", limit: 200)
        }
        if fields.has("bin") {
            lot.place.bin = try fields.text("bin", limit: 100)
        }
        if fields.has("case_size") {
            lot.caseSize = try fields.integer("case_size", range: WineInput.caseSizeRange)
        }
    }

    static func lotID(_ context: RequestContext) throws -> String {
        guard let id = FieldRules.uuid(try context.parameters.require("id")) else {
            throw WineBoxError(.notFound, "Lot not found")
        }
        return id
    }
}
