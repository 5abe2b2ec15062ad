public import Foundation
public import WineBoxDomain

/// Reads and writes wines. Every function runs inside a `Database.read`/`write` closure on the connection it is
/// given. Stock (`bottles`) is never written here: triggers keep it equal to the sum of the wine's lots.
public enum WineStore {
    static let columns = """
        w.id, w.name, w.winery, w.vintage, w.wine_type, w.grape_variety, w.country, w.region, w.sub_region,
        w.appellation, w.classification, w.alcohol_percentage, w.bottle_size_ml, w.drink_from, w.drink_until, w.notes,
        w.front_label_image, w.back_label_image, w.front_label_text, w.back_label_text, w.xwines_id, w.enriched_fields,
        w.bottles, w.created_at, w.updated_at, w.custom_fields
        """

    public static func insert(_ wine: Wine, in connection: Connection) throws {
        try connection.execute(
            """
            INSERT INTO wine (id, name, winery, vintage, wine_type, grape_variety, country, region, sub_region,
                appellation, classification, alcohol_percentage, bottle_size_ml, drink_from, drink_until, notes,
                front_label_image, back_label_image, front_label_text, back_label_text, xwines_id, enriched_fields,
                created_at, updated_at, custom_fields)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,
                ?22, ?23, ?24, ?25)
            """, values(of: wine))
    }

    /// Writes every field of `wine` except its stock.
    ///
    /// - Throws: ``WineBoxError`` `.notFound` when the wine no longer exists.
    public static func update(_ wine: Wine, in connection: Connection) throws {
        try connection.execute(
            """
            UPDATE wine SET name = ?2, winery = ?3, vintage = ?4, wine_type = ?5, grape_variety = ?6, country = ?7,
                region = ?8, sub_region = ?9, appellation = ?10, classification = ?11, alcohol_percentage = ?12,
                bottle_size_ml = ?13, drink_from = ?14, drink_until = ?15, notes = ?16, front_label_image = ?17,
                back_label_image = ?18, front_label_text = ?19, back_label_text = ?20, xwines_id = ?21,
                enriched_fields = ?22, created_at = ?23, updated_at = ?24, custom_fields = ?25
            WHERE id = ?1
            """, values(of: wine))
        guard connection.changes == 1 else {
            throw WineBoxError(.notFound, "Wine with ID \(wine.id) not found")
        }
    }

    /// Sets only `updated_at`: for changes to a wine's lots, which leave its details (and search entry) alone.
    public static func touch(id: String, at date: Date, in connection: Connection) throws {
        try connection.execute(
            "UPDATE wine SET updated_at = ? WHERE id = ?", [.text(Timestamp.string(from: date)), .text(id)])
    }

    public static func find(id: String, in connection: Connection) throws -> Wine? {
        try connection.queryOne("SELECT \(columns) FROM wine w WHERE w.id = ?", [.text(id)]).map(wine(from:))
    }

    /// Removes the wine with its lots, events, scores and blend; returns whether it existed.
    @discardableResult
    public static func delete(id: String, in connection: Connection) throws -> Bool {
        try connection.execute("DELETE FROM wine_blend WHERE wine_id = ?", [.text(id)])
        try connection.execute("DELETE FROM wine WHERE id = ?", [.text(id)])
        return connection.changes == 1
    }

    /// The page of wines `query` asks for, and how many wines match in all.
    public static func list(_ query: WineQuery, in connection: Connection) throws -> (wines: [Wine], total: Int) {
        let (rows, total) = try page(query, selecting: columns, in: connection)
        return (try rows.map(wine(from:)), total)
    }

    /// The ids of the page of wines ``list(_:in:)`` would answer, in its order, and the total; for callers that
    /// keep wines rendered already.
    public static func listIDs(_ query: WineQuery, in connection: Connection) throws -> (ids: [String], total: Int) {
        let (rows, total) = try page(query, selecting: "w.id", in: connection)
        return (try rows.map { try $0.string(at: 0) }, total)
    }

    private static func page(
        _ query: WineQuery, selecting selected: String, in connection: Connection
    ) throws -> (rows: [Row], total: Int) {
        let built = WineQuerySQL(query)
        if built.matchesNothing {
            return ([], 0)
        }
        let total =
            try connection.queryOne(
                "\(built.countPrefix)SELECT count(*) AS n \(built.fromAndWhere)", built.arguments)?.int("n") ?? 0
        let (prefix, orderBy) =
            built.ranksByRelevance && total > WineQuerySQL.rankingLimit
            ? (built.countPrefix, WineQuerySQL.newestFirst) : (built.prefix, built.orderBy)
        let rows = try connection.query(
            "\(prefix)SELECT \(selected) \(built.fromAndWhere) ORDER BY \(orderBy) LIMIT ? OFFSET ?",
            built.arguments + [SQLValue(query.limit), SQLValue(query.skip)])
        return (rows, total)
    }

    /// Every label image file name wines refer to (for cleaning up files no wine uses).
    public static func imageFileNames(in connection: Connection) throws -> Set<String> {
        let rows = try connection.query(
            """
            SELECT front_label_image AS name FROM wine WHERE front_label_image IS NOT NULL
            UNION SELECT back_label_image FROM wine WHERE back_label_image IS NOT NULL
            """)
        return Set(try rows.map { try $0.string(at: 0) })
    }

    private static func values(of wine: Wine) -> [SQLValue] {
        let details = wine.details
        let enriched = (try? JSONEncoder().encode(wine.enrichedFields)).flatMap { String(data: $0, encoding: .utf8) }
        return [
            .text(wine.id), .text(details.name), SQLValue(details.winery), SQLValue(details.vintage),
            SQLValue(details.wineType?.rawValue), SQLValue(details.grapeVariety), SQLValue(details.country),
            SQLValue(details.region), SQLValue(details.subRegion), SQLValue(details.appellation),
            SQLValue(details.classification), SQLValue(details.alcoholPercentage), SQLValue(details.bottleSizeML),
            SQLValue(details.drinkFrom), SQLValue(details.drinkUntil), .text(details.notes),
            SQLValue(wine.frontLabelImage), SQLValue(wine.backLabelImage), .text(details.frontLabelText),
            .text(details.backLabelText), SQLValue(wine.xwinesID), .text(enriched ?? "[]"),
            .text(Timestamp.string(from: wine.createdAt)), .text(Timestamp.string(from: wine.updatedAt)),
            SQLValue(customFieldsText(details.customFields)),
        ]
    }

    /// The custom fields as a JSON object with sorted keys, nil (NULL) when there are none.
    private static func customFieldsText(_ fields: [String: String]) -> String? {
        guard !fields.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(fields)).flatMap { String(data: $0, encoding: .utf8) }
    }

    static func wine(from row: Row) throws -> Wine {
        guard let createdAt = Timestamp.date(from: try row.string("created_at")),
            let updatedAt = Timestamp.date(from: try row.string("updated_at"))
        else {
            throw StorageError(.typeMismatch, "A wine row has an invalid timestamp")
        }
        let enrichedText = try row.string("enriched_fields")
        let enriched = (try? JSONDecoder().decode([String].self, from: Data(enrichedText.utf8))) ?? []
        let details = WineDetails(
            name: try row.string("name"), winery: try row.nullableString("winery"),
            vintage: try row.nullableInt("vintage"),
            wineType: try row.nullableString("wine_type").flatMap(WineType.init(rawValue:)),
            grapeVariety: try row.nullableString("grape_variety"), country: try row.nullableString("country"),
            region: try row.nullableString("region"), subRegion: try row.nullableString("sub_region"),
            appellation: try row.nullableString("appellation"),
            classification: try row.nullableString("classification"),
            alcoholPercentage: try row.nullableDouble("alcohol_percentage"),
            bottleSizeML: try row.int("bottle_size_ml"), drinkFrom: try row.nullableInt("drink_from"),
            drinkUntil: try row.nullableInt("drink_until"), notes: try row.string("notes"),
            frontLabelText: try row.string("front_label_text"), backLabelText: try row.string("back_label_text"),
            customFields: try row.nullableString("custom_fields").flatMap {
                try? JSONDecoder().decode([String: String].self, from: Data($0.utf8))
            } ?? [:])
        return Wine(
            id: try row.string("id"), details: details, frontLabelImage: try row.nullableString("front_label_image"),
            backLabelImage: try row.nullableString("back_label_image"), xwinesID: try row.nullableInt("xwines_id"),
            enrichedFields: enriched, bottles: try row.int("bottles"), createdAt: createdAt, updatedAt: updatedAt)
    }
}
