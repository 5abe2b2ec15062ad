public import WineBoxDomain

extension XWinesStore {
    /// One page of a search, and how many wines match in all.
    public struct SearchPage: Sendable, Hashable {
        public let wines: [XWinesWine]
        public let total: Int
    }

    /// Searches the reference wines.
    ///
    /// With text, results come in three tiers, each ordered by popularity (rating count, then average rating,
    /// then name, then id): wines whose name *is* the text, then wines whose name *starts with* it, then wines where
    /// every word of the text starts a word of the name, winery or region ("casa vald" finds Casa Valduga). Case,
    /// accents, spaces and punctuation are ignored. Without text, every wine that passes the filters is listed by
    /// popularity. `total` counts every match.
    ///
    /// Cost: each tier is read from the `xwines_search` index in rank order and stops at the page's end, so a page
    /// costs about the same however many wines match; `total` walks the index's list of matches once.
    public static func search(_ query: XWinesSearchQuery, in connection: Connection) throws -> SearchPage {
        let filter: String?
        switch XWinesSearchKeys.filter(wineType: query.wineType, country: query.country) {
        case .some(nil): return SearchPage(wines: [], total: 0)
        case .some(let expression?): filter = expression
        case .none: filter = nil
        }

        guard let text = query.text else {
            guard let filter else {
                return try popular(limit: query.limit, skip: query.skip, in: connection)
            }
            let ids = try matchingIDs(filter, limit: query.limit, offset: query.skip, in: connection)
            return SearchPage(wines: try wines(ids, in: connection), total: try count(filter, in: connection))
        }
        guard let tiers = XWinesSearchKeys.Tiers(text: text) else {
            return SearchPage(wines: [], total: 0)
        }

        func restricted(_ expression: String) -> String {
            filter.map { "(\(expression)) AND \($0)" } ?? expression
        }
        let total = try count(restricted("(\(tiers.prefix)) OR (\(tiers.words))"), in: connection)
        let segments = [
            restricted(tiers.exact), restricted("(\(tiers.prefix)) NOT (\(tiers.exact))"),
            restricted("(\(tiers.words)) NOT (\(tiers.prefix))"),
        ]
        var ids: [Int] = []
        var skip = query.skip
        for (index, segment) in segments.enumerated() where ids.count < query.limit {
            if skip > 0 && index < segments.count - 1 {
                let size = try count(segment, in: connection)
                if skip >= size {
                    skip -= size
                    continue
                }
            }
            ids += try matchingIDs(segment, limit: query.limit - ids.count, offset: skip, in: connection)
            skip = 0
        }
        return SearchPage(wines: try wines(ids, in: connection), total: total)
    }

    private static func popular(limit: Int, skip: Int, in connection: Connection) throws -> SearchPage {
        let wines = try connection.query(
            """
            SELECT \(columns) FROM xwines_wine ORDER BY rating_count DESC, avg_rating DESC, name, id
            LIMIT ? OFFSET ?
            """, [SQLValue(limit), SQLValue(skip)]
        ).map(wine(from:))
        return SearchPage(wines: wines, total: try wineCount(in: connection))
    }

    private static func count(_ expression: String, in connection: Connection) throws -> Int {
        try integerResult(
            connection.scalar(
                "SELECT count(*) FROM xwines_search WHERE xwines_search MATCH ?", [.text(expression)]))
    }

    private static func matchingIDs(
        _ expression: String, limit: Int, offset: Int, in connection: Connection
    ) throws -> [Int] {
        try connection.query(
            "SELECT wine_id FROM xwines_search WHERE xwines_search MATCH ? ORDER BY rowid LIMIT ? OFFSET ?",
            [.text(expression), SQLValue(limit), SQLValue(offset)]
        ).map { try $0.int(at: 0) }
    }

    /// The wines with these ids, in this order; ids of wines that no longer exist are left out.
    private static func wines(_ ids: [Int], in connection: Connection) throws -> [XWinesWine] {
        try ids.compactMap { try wine(id: $0, in: connection) }
    }
}
