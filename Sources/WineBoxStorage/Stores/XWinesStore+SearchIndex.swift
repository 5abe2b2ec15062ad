extension XWinesStore {
    /// How many wines ``addToSearchIndex(offset:limit:in:)`` should add per write transaction: small enough that
    /// one transaction takes some tens of milliseconds, so other writers barely wait.
    public static let searchIndexBatchSize = 2_000

    /// Rebuilding `xwines_search`, in three steps of separate write transactions, while searches go on with the
    /// old index:
    ///
    /// 1. ``beginSearchIndexRebuild(in:)`` creates an empty staging index, `xwines_search_next`;
    /// 2. ``addToSearchIndex(offset:limit:in:)``, called until it returns 0, fills it in popularity order;
    /// 3. ``finishSearchIndexRebuild(in:)`` merges its segments and swaps it in for `xwines_search`.
    ///
    /// The staging table must have the same definition as `xwines_search` in migration 4 (a test compares them).
    /// An interrupted rebuild leaves the old index in place; the next rebuild drops the leftover staging table.
    public static func beginSearchIndexRebuild(in connection: Connection) throws {
        try connection.execute(
            sql: """
                DROP TABLE IF EXISTS xwines_search_next;
                CREATE VIRTUAL TABLE xwines_search_next USING fts5(
                    name, winery_name, region_name, name_start, facets, wine_id UNINDEXED,
                    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7', detail = none,
                    columnsize = 0
                );
                """)
    }

    /// Adds the wines of popularity ranks `offset + 1` to `offset + limit` to the staging index; returns how many
    /// it added (0 once every wine is in).
    public static func addToSearchIndex(offset: Int, limit: Int, in connection: Connection) throws -> Int {
        let rows = try connection.query(
            """
            SELECT id, name, winery_name, region_name, wine_type, country_code, country FROM xwines_wine
            ORDER BY rating_count DESC, avg_rating DESC, name, id LIMIT ? OFFSET ?
            """, [SQLValue(limit), SQLValue(offset)])
        for (index, row) in rows.enumerated() {
            let name = try row.string("name")
            let facets = XWinesSearchKeys.facets(
                wineType: try row.string("wine_type"), countryCode: try row.nullableString("country_code"),
                country: try row.nullableString("country"))
            try connection.execute(
                """
                INSERT INTO xwines_search_next (rowid, name, winery_name, region_name, name_start, facets, wine_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    SQLValue(offset + index + 1), .text(name), try row.value("winery_name"),
                    try row.value("region_name"), .text(XWinesSearchKeys.nameToken(name)), .text(facets),
                    try row.value("id"),
                ])
        }
        return rows.count
    }

    /// Merges the staging index into one segment (the fastest to search), puts it in the place of `xwines_search`
    /// and refills `xwines_word`, the number of wines for each word (label matching's word rarity). About 0.3 s for
    /// 100,000 wines, most of it in the merge.
    public static func finishSearchIndexRebuild(in connection: Connection) throws {
        try connection.execute(
            sql: """
                INSERT INTO xwines_search_next (xwines_search_next) VALUES ('optimize');
                DROP TABLE xwines_search;
                ALTER TABLE xwines_search_next RENAME TO xwines_search;
                DELETE FROM xwines_word;
                INSERT INTO xwines_word (word, wines)
                SELECT term, doc FROM xwines_search_vocabulary WHERE unicode(term) NOT BETWEEN 57344 AND 63743;
                """)
    }
}
