internal import Foundation
public import WineBoxDomain

/// Reads and writes lots. Times are stored with milliseconds, so lots recorded in one request keep their order.
/// Changing a lot's `quantity` changes its wine's stock through triggers; the CHECK
/// constraints keep both from going negative.
public enum LotStore {
    static let columns = """
        l.id, l.wine_id, l.quantity, l.initial_quantity, l.case_size, l.purchase_date, l.price_per_bottle, l.currency,
        l.source, l.location, l.bin, l.created_at, l.updated_at
        """

    public static func insert(_ lot: Lot, in connection: Connection) throws {
        try connection.execute(
            """
            INSERT INTO wine_lot (id, wine_id, quantity, initial_quantity, case_size, purchase_date, price_per_bottle,
                currency, source, location, bin, created_at, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
            """, values(of: lot))
    }

    /// Writes every field of `lot`.
    ///
    /// - Throws: ``WineBoxError`` `.notFound` when the lot no longer exists.
    public static func update(_ lot: Lot, in connection: Connection) throws {
        try connection.execute(
            """
            UPDATE wine_lot SET wine_id = ?2, quantity = ?3, initial_quantity = ?4, case_size = ?5, purchase_date = ?6,
                price_per_bottle = ?7, currency = ?8, source = ?9, location = ?10, bin = ?11, created_at = ?12,
                updated_at = ?13
            WHERE id = ?1
            """, values(of: lot))
        guard connection.changes == 1 else {
            throw WineBoxError(.notFound, "Lot not found")
        }
    }

    public static func find(id: String, in connection: Connection) throws -> Lot? {
        try connection.queryOne("SELECT \(columns) FROM wine_lot l WHERE l.id = ?", [.text(id)]).map(lot(from:))
    }

    /// The wine's lots, oldest first (purchase date, then when recorded, then id), empty ones included.
    public static func lots(ofWine wineID: String, in connection: Connection) throws -> [Lot] {
        try connection.query(
            """
            SELECT \(columns) FROM wine_lot l WHERE l.wine_id = ?
            ORDER BY l.purchase_date IS NULL, l.purchase_date, l.created_at, l.id
            """, [.text(wineID)]
        ).map(lot(from:))
    }

    /// Lots of every wine with the wine's name, filtered by location (exact, case-insensitive) and whether they
    /// still hold bottles; ordered by location, bin, wine name and id. Returns the page and the total.
    public static func list(
        location: String?, inStockOnly: Bool, skip: Int, limit: Int, in connection: Connection
    ) throws -> (lots: [(Lot, WineReference)], total: Int) {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let location {
            conditions.append("l.location = ? COLLATE NOCASE")
            arguments.append(.text(location))
        }
        if inStockOnly {
            conditions.append("l.quantity > 0")
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let total = try connection.queryOne("SELECT count(*) AS n FROM wine_lot l \(whereClause)", arguments)
        let rows = try connection.query(
            """
            SELECT \(columns), w.name AS wine_name, w.vintage AS wine_vintage, w.winery AS wine_winery
            FROM wine_lot l JOIN wine w ON w.id = l.wine_id \(whereClause)
            ORDER BY l.location IS NULL, l.location COLLATE NOCASE, l.bin COLLATE NOCASE, w.name COLLATE NOCASE, l.id
            LIMIT ? OFFSET ?
            """, arguments + [SQLValue(limit), SQLValue(skip)])
        let lots = try rows.map { row in
            (
                try lot(from: row),
                WineReference(
                    id: try row.string("wine_id"), name: try row.string("wine_name"),
                    vintage: try row.nullableInt("wine_vintage"), winery: try row.nullableString("wine_winery"))
            )
        }
        return (lots, try total?.int("n") ?? 0)
    }

    /// Storage locations in use with their bottle counts, by location name.
    public static func locations(in connection: Connection) throws -> [(location: String, bottles: Int, lots: Int)] {
        try connection.query(
            """
            SELECT location, sum(quantity) AS bottles, count(*) AS lots FROM wine_lot
            WHERE location IS NOT NULL AND quantity > 0
            GROUP BY location COLLATE NOCASE ORDER BY location COLLATE NOCASE
            """
        ).map { (try $0.string("location"), try $0.int("bottles"), try $0.int("lots")) }
    }

    private static func values(of lot: Lot) -> [SQLValue] {
        [
            .text(lot.id), .text(lot.wineID), SQLValue(lot.quantity), SQLValue(lot.initialQuantity),
            SQLValue(lot.caseSize), SQLValue(lot.purchase.date), SQLValue(lot.purchase.pricePerBottle),
            SQLValue(lot.purchase.currency), SQLValue(lot.purchase.source), SQLValue(lot.place.location),
            SQLValue(lot.place.bin), .text(Timestamp.preciseString(from: lot.createdAt)),
            .text(Timestamp.preciseString(from: lot.updatedAt)),
        ]
    }

    static func lot(from row: Row) throws -> Lot {
        guard let createdAt = Timestamp.date(from: try row.string("created_at")),
            let updatedAt = Timestamp.date(from: try row.string("updated_at"))
        else {
            throw StorageError(.typeMismatch, "A lot row has an invalid timestamp")
        }
        return Lot(
            id: try row.string("id"), wineID: try row.string("wine_id"), quantity: try row.int("quantity"),
            initialQuantity: try row.int("initial_quantity"), caseSize: try row.nullableInt("case_size"),
            purchase: Lot.Purchase(
                date: try row.nullableString("purchase_date"),
                pricePerBottle: try row.nullableDouble("price_per_bottle"),
                currency: try row.nullableString("currency"), source: try row.nullableString("source")),
            place: Lot.StoragePlace(location: try row.nullableString("location"), bin: try row.nullableString("bin")),
            createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension LotStore {
    /// The lots of each of `wineIDs`, each wine's oldest first, in one query.
    public static func lots(ofWines wineIDs: [String], in connection: Connection) throws -> [String: [Lot]] {
        guard !wineIDs.isEmpty else { return [:] }
        var grouped: [String: [Lot]] = [:]
        for chunk in stride(from: 0, to: wineIDs.count, by: 500).map({
            Array(wineIDs[$0..<min($0 + 500, wineIDs.count)])
        }) {
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            let rows = try connection.query(
                """
                SELECT \(columns) FROM wine_lot l WHERE l.wine_id IN (\(placeholders))
                ORDER BY l.wine_id, l.purchase_date IS NULL, l.purchase_date, l.created_at, l.id
                """, chunk.map { .text($0) })
            for row in rows {
                let lot = try lot(from: row)
                grouped[lot.wineID, default: []].append(lot)
            }
        }
        return grouped
    }
}
