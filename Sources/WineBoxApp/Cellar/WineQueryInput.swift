import WineBoxDomain
import WineBoxHTTP
import WineBoxWeb

/// Reads paging, sorting and filters of wine lists from the query string.
enum WineQueryInput {
    static let maximumLimit = 200

    /// `skip` (≥ 0) and `limit` (1–200, default 100).
    static func paging(_ fields: InputFields) throws -> WineQuery {
        WineQuery(
            skip: try fields.integer("skip", range: 0...1_000_000) ?? 0,
            limit: try fields.integer("limit", range: 1...maximumLimit) ?? 100)
    }

    /// `sort` (one of ``WineQuery/Sort``) and `order` (`asc`/`desc`). Without `sort`, text searches use relevance
    /// and lists `defaultSort`; the order defaults to newest/largest first for dates and stock, else ascending.
    static func applySort(
        _ fields: InputFields, to query: inout WineQuery, hasText: Bool, defaultSort: WineQuery.Sort = .newest
    ) throws {
        let sorts = WineQuery.Sort.allCases.map(\.rawValue).joined(separator: ", ")
        query.sort =
            try fields.choice("sort", WineQuery.Sort.init(rawValue:), expected: sorts)
            ?? (hasText ? .relevance : defaultSort)
        let defaultDescending = [.newest, .updated, .bottles].contains(query.sort)
        query.descending =
            try fields.choice(
                "order", { ["asc": false, "desc": true][$0.lowercased()] }, expected: "asc, desc")
            ?? defaultDescending
    }

    /// `vintage_from` and `vintage_to` (inclusive years, 1800–2100); a `vintage_from` after `vintage_to` is a 422.
    static func applyVintageRange(_ fields: InputFields, to query: inout WineQuery) throws {
        query.vintageFrom = try fields.integer("vintage_from", range: WineDetails.yearRange)
        query.vintageTo = try fields.integer("vintage_to", range: WineDetails.yearRange)
        if let from = query.vintageFrom, let to = query.vintageTo, from > to {
            throw WineBoxError(.invalidInput, "vintage_from (\(from)) must not be after vintage_to (\(to))")
        }
    }

    /// The earlier WineBox answered lists as bare arrays; they stay arrays, with the total in `X-Total-Count`.
    static func listResponse(_ body: [UInt8], total: Int) -> HTTPResponse {
        var response = HTTPResponse.json(encoded: body)
        response.headers.set("X-Total-Count", String(total))
        return response
    }
}
