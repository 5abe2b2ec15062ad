import Foundation
import WineBoxDomain
import WineBoxHTTP
import WineBoxStorage
import WineBoxWeb

/// `/api/cellar`, `/api/cellar/summary`, `/api/transactions` and `/api/search`.
enum CellarRoutes {
    static func register(on router: inout Router, cellar: CellarService, now: @escaping @Sendable () -> Date) {
        router.add(.get, "/api/cellar") { request, _ in
            let fields = try InputFields(query: request)
            try fields.rejectUnknown(allowed: ["skip", "limit", "sort", "order"])
            var query = try WineQueryInput.paging(fields)
            query.inStock = true
            try WineQueryInput.applySort(fields, to: &query, hasText: false, defaultSort: .name)
            let (body, total) = try await cellar.listJSON(query)
            return WineQueryInput.listResponse(body, total: total)
        }

        router.add(.get, "/api/cellar/summary") { request, _ in
            try InputFields(query: request).rejectUnknown(allowed: [])
            let year = Calendar(identifier: .gregorian).component(.year, from: now())
            let summary = try await cellar.database.read { connection in
                try CellarSummaryStore.summary(year: year, in: connection)
            }
            return .json(SummaryResource(summary: summary, year: year))
        }

        router.add(.get, "/api/transactions") { request, _ in
            let fields = try InputFields(query: request)
            try fields.rejectUnknown(
                allowed: [
                    "skip", "limit", "transaction_type", "wine_id", "removal_reason", "user_id", "from", "to",
                    "date_from", "date_to",
                ])
            var query = HistoryQuery(
                skip: try fields.integer("skip", range: 0...1_000_000) ?? 0,
                limit: try fields.integer("limit", range: 1...WineQueryInput.maximumLimit) ?? 100)
            query.type = try fields.choice(
                "transaction_type", CellarEventType.init(loose:), expected: "CHECK_IN, CHECK_OUT, MOVE")
            query.reason = try fields.choice(
                "removal_reason", RemovalReason.init(loose:), expected: "DRINK, SELL, GIFT, BREAKAGE, OTHER")
            if let wineID = try fields.text("wine_id", limit: 64) {
                guard let id = FieldRules.uuid(wineID) else {
                    throw WineBoxError(.invalidInput, "wine_id must be a wine's id")
                }
                query.wineID = id
            }
            if let userID = try fields.text("user_id", limit: 64) {
                query.userID = userID
            }
            query.from = try fields.instant("from") ?? fields.instant("date_from")
            query.until = try endOfDay(fields, "to") ?? endOfDay(fields, "date_to")
            let history = query
            let (entries, total) = try await cellar.database.read { connection in
                try EventStore.list(history, in: connection)
            }
            var response = HTTPResponse.json(writingArray: entries.map(TransactionResource.init))
            response.headers.set("X-Total-Count", String(total))
            return response
        }

        router.add(.get, "/api/transactions/{id}") { _, context in
            let text = try context.parameters.require("id")
            let entry = try await cellar.database.read { connection in
                try FieldRules.uuid(text).flatMap { try EventStore.find(id: $0, in: connection) }
            }
            guard let entry else {
                throw WineBoxError(.notFound, "Transaction with ID \(text.prefix(64)) not found")
            }
            return .json(writing: TransactionResource(entry))
        }

        router.add(.get, "/api/search") { request, _ in
            let fields = try InputFields(query: request)
            try fields.rejectUnknown(
                allowed: [
                    "q", "vintage", "vintage_from", "vintage_to", "grape", "winery", "region", "country", "wine_type",
                    "location", "in_stock",
                    "checked_in_after", "checked_in_before", "checked_out_after", "checked_out_before", "skip", "limit",
                    "sort", "order",
                ])
            var query = try WineQueryInput.paging(fields)
            query.text = try fields.text("q", limit: 200)
            query.vintage = try fields.integer("vintage", range: WineDetails.yearRange)
            try WineQueryInput.applyVintageRange(fields, to: &query)
            query.grape = try fields.text("grape", limit: 200)
            query.winery = try fields.text("winery", limit: 200)
            query.region = try fields.text("region", limit: 200)
            query.country = try fields.text("country", limit: 200)
            query.wineType = try fields.choice(
                "wine_type", WineType.init(loose:), expected: WineType.allCases.map(\.rawValue).joined(separator: ", "))
            query.location = try fields.text("location", limit: 200)
            query.inStock = try fields.boolean("in_stock")
            query.checkedInAfter = try fields.instant("checked_in_after")
            query.checkedInBefore = try endOfDay(fields, "checked_in_before")
            query.checkedOutAfter = try fields.instant("checked_out_after")
            query.checkedOutBefore = try endOfDay(fields, "checked_out_before")
            try WineQueryInput.applySort(fields, to: &query, hasText: query.text != nil)
            let (body, total) = try await cellar.listJSON(query)
            return WineQueryInput.listResponse(body, total: total)
        }
    }

    /// An upper bound: a bare date means the end of that day (UTC), so `to=2024-05-31` includes the 31st.
    static func endOfDay(_ fields: InputFields, _ name: String) throws -> Date? {
        guard let date = try fields.instant(name) else { return nil }
        let text = try fields.text(name, limit: 40) ?? ""
        return text.count == 10 ? date.addingTimeInterval(86_399.999) : date
    }
}
