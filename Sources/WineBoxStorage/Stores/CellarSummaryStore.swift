public import WineBoxDomain

/// Computes ``CellarSummary`` from the wines and lots in one read transaction.
public enum CellarSummaryStore {
    /// Wines listed per drinking-window group.
    static let windowListLimit = 20

    /// The summary as of `year` (for the drinking windows).
    public static func summary(year: Int, in connection: Connection) throws -> CellarSummary {
        var summary = CellarSummary()
        let totals = try connection.queryOne(
            """
            SELECT coalesce(sum(bottles), 0) AS bottles, count(*) FILTER (WHERE bottles > 0) AS in_stock,
                count(*) AS tracked FROM wine
            """)
        summary.totalBottles = try totals?.int("bottles") ?? 0
        summary.uniqueWines = try totals?.int("in_stock") ?? 0
        summary.totalWinesTracked = try totals?.int("tracked") ?? 0
        summary.totalCases = try count(
            "SELECT count(*) AS n FROM wine_lot WHERE case_size IS NOT NULL AND quantity > 0", in: connection)

        summary.byVintage = try breakdown(
            "CASE WHEN vintage IS NULL THEN 'NV' ELSE CAST(vintage AS TEXT) END",
            order: "vintage IS NULL, vintage DESC", in: connection)
        summary.byCountry = try breakdown("country", in: connection)
        summary.byGrapeVariety = try breakdown("grape_variety", in: connection)
        summary.byWineType = try breakdown("wine_type", in: connection)
        summary.byRegion = try breakdown("region", in: connection)

        summary.valueByCurrency = try connection.query(
            """
            SELECT coalesce(currency, '') AS currency, round(sum(quantity * price_per_bottle), 2) AS value
            FROM wine_lot WHERE quantity > 0 AND price_per_bottle IS NOT NULL
            GROUP BY coalesce(currency, '') ORDER BY value DESC, currency
            """
        ).map { (try $0.string("currency"), try $0.double("value")) }
        summary.bottlesWithoutPrice = try count(
            "SELECT coalesce(sum(quantity), 0) AS n FROM wine_lot WHERE quantity > 0 AND price_per_bottle IS NULL",
            in: connection)

        summary.readyToDrink = try window(
            "(drink_from IS NOT NULL OR drink_until IS NOT NULL) AND coalesce(drink_from, ?1) <= ?1 "
                + "AND coalesce(drink_until, ?1) >= ?1", year: year, order: "coalesce(drink_until, 9999)",
            in: connection)
        summary.pastWindow = try window(
            "drink_until < ?1", year: year, order: "drink_until", in: connection)
        summary.notReady = try window("drink_from > ?1", year: year, order: "drink_from", in: connection)
        return summary
    }

    private static func count(_ sql: String, in connection: Connection) throws -> Int {
        try connection.queryOne(sql)?.int("n") ?? 0
    }

    /// Bottles in stock grouped by `expression`; missing values count as "Unknown".
    private static func breakdown(
        _ expression: String, order: String = "bottles DESC, key", in connection: Connection
    ) throws -> [(key: String, bottles: Int)] {
        try connection.query(
            """
            SELECT coalesce(\(expression), 'Unknown') AS key, sum(bottles) AS bottles, min(vintage) AS vintage
            FROM wine WHERE bottles > 0 GROUP BY 1 ORDER BY \(order)
            """
        ).map { (try $0.string("key"), try $0.int("bottles")) }
    }

    private static func window(
        _ condition: String, year: Int, order: String, in connection: Connection
    ) throws -> CellarSummary.WindowCount {
        let arguments = [SQLValue(year)]
        let bottles = try connection.queryOne(
            "SELECT coalesce(sum(bottles), 0) AS n FROM wine WHERE bottles > 0 AND \(condition)", arguments)
        let wines = try connection.query(
            """
            SELECT id, name, vintage, winery FROM wine WHERE bottles > 0 AND \(condition)
            ORDER BY \(order), name COLLATE NOCASE, seq LIMIT \(windowListLimit)
            """, arguments
        ).map {
            WineReference(
                id: try $0.string("id"), name: try $0.string("name"), vintage: try $0.nullableInt("vintage"),
                winery: try $0.nullableString("winery"))
        }
        return CellarSummary.WindowCount(bottles: try bottles?.int("n") ?? 0, wines: wines)
    }
}
