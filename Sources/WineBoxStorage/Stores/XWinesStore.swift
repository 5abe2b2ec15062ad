internal import Foundation
public import WineBoxDomain

/// Reads and writes the X-Wines reference data set. Every function runs inside a `Database.read`/`write` closure on
/// the connection it is given. Searching is in `XWinesStore+Search.swift`, the search index in
/// `XWinesStore+SearchIndex.swift`.
public enum XWinesStore {
    /// What ``upsert(_:includingRatings:in:)`` did with a wine.
    public enum UpsertOutcome: Sendable, Hashable {
        /// The wine was new.
        case inserted
        /// The wine existed with other values, which were replaced.
        case updated
        /// The wine existed with the same values; nothing was written.
        case unchanged
    }

    static let columns =
        "id, name, wine_type, elaborate, grapes, harmonize, abv, body, acidity, country_code, country, region_id, "
        + "region_name, winery_id, winery_name, website, vintages, avg_rating, rating_count"

    private static let dataColumns = [
        "name", "wine_type", "elaborate", "grapes", "harmonize", "abv", "body", "acidity", "country_code", "country",
        "region_id", "region_name", "winery_id", "winery_name", "website", "vintages",
    ]

    private static func upsertSQL(includingRatings: Bool) -> String {
        let updated = dataColumns + (includingRatings ? ["avg_rating", "rating_count"] : [])
        let inserted = ["id"] + updated
        let excluded = updated.map { "excluded.\($0)" }.joined(separator: ", ")
        return """
            INSERT INTO xwines_wine (\(inserted.joined(separator: ", ")))
            VALUES (\(inserted.indices.map { "?\($0 + 1)" }.joined(separator: ", ")))
            ON CONFLICT (id) DO UPDATE SET \(updated.map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
            WHERE (\(updated.joined(separator: ", "))) IS NOT (\(excluded))
            """
    }

    private static let upsertWithRatings = upsertSQL(includingRatings: true)
    private static let upsertWithoutRatings = upsertSQL(includingRatings: false)

    /// Adds `wine`, or replaces the stored wine with the same id when any value differs (an unchanged wine is not
    /// written at all, so importing a file twice leaves the database as the first import did).
    ///
    /// - Parameter includingRatings: when false, a stored wine keeps its `avg_rating` and `rating_count` (an import
    ///   without a ratings file); when true, they are set from `wine`.
    public static func upsert(
        _ wine: XWinesWine, includingRatings: Bool, in connection: Connection
    ) throws -> UpsertOutcome {
        let existed = try connection.queryOne("SELECT 1 FROM xwines_wine WHERE id = ?", [SQLValue(wine.id)]) != nil
        var values: [SQLValue] = [
            SQLValue(wine.id), .text(wine.name), .text(wine.wineType), SQLValue(wine.elaborate),
            .text(XWinesJSON.array(wine.grapes)), .text(XWinesJSON.array(wine.harmonize)), real(wine.abv),
            SQLValue(wine.body), SQLValue(wine.acidity), SQLValue(wine.countryCode), SQLValue(wine.country),
            integer(wine.regionID), SQLValue(wine.regionName), integer(wine.wineryID), SQLValue(wine.wineryName),
            SQLValue(wine.website), .text(XWinesJSON.array(wine.vintages)),
        ]
        if includingRatings {
            values += [real(wine.averageRating), SQLValue(wine.ratingCount)]
        }
        try connection.execute(includingRatings ? upsertWithRatings : upsertWithoutRatings, values)
        if !existed {
            return .inserted
        }
        return connection.changes == 1 ? .updated : .unchanged
    }

    /// The reference wine with this id (the data set's WineID), or nil.
    public static func wine(id: Int, in connection: Connection) throws -> XWinesWine? {
        try connection.queryOne("SELECT \(columns) FROM xwines_wine WHERE id = ?", [SQLValue(id)]).map(wine(from:))
    }

    /// The number of reference wines.
    public static func wineCount(in connection: Connection) throws -> Int {
        try integerResult(connection.scalar("SELECT count(*) FROM xwines_wine"))
    }

    /// The number of ratings behind the averages: the sum of every wine's rating count.
    public static func ratingCount(in connection: Connection) throws -> Int {
        try integerResult(connection.scalar("SELECT coalesce(sum(rating_count), 0) FROM xwines_wine"))
    }

    /// The distinct types of the data set (Red, White, …), sorted.
    public static func types(in connection: Connection) throws -> [String] {
        try connection.query("SELECT DISTINCT wine_type FROM xwines_wine ORDER BY wine_type").map {
            try $0.string(at: 0)
        }
    }

    /// The countries of the data set with their number of wines, most wines first, then by name. Wines without a
    /// country code are left out.
    public static func countries(in connection: Connection) throws -> [XWinesCountry] {
        try connection.query(
            """
            SELECT country_code, coalesce(max(country), country_code) AS name, count(*) AS wines FROM xwines_wine
            WHERE country_code IS NOT NULL GROUP BY country_code ORDER BY wines DESC, name, country_code
            """
        ).map { row in
            XWinesCountry(code: try row.string(at: 0), name: try row.string(at: 1), count: try row.int(at: 2))
        }
    }

    /// What the last import recorded, or nil before the first import.
    public static func metadata(in connection: Connection) throws -> XWinesMetadata? {
        guard
            let row = try connection.queryOne(
                """
                SELECT version, source, ratings_source, import_date, wine_count, rating_count FROM xwines_metadata
                WHERE id = 1
                """)
        else { return nil }
        guard let variant = XWinesVariant(rawValue: try row.string("version")),
            let importDate = Timestamp.date(from: try row.string("import_date"))
        else {
            throw StorageError(.typeMismatch, "The X-Wines metadata row has an invalid version or date")
        }
        return XWinesMetadata(
            variant: variant, source: try row.string("source"), ratingsSource: try row.nullableString("ratings_source"),
            importDate: importDate, wineCount: try row.int("wine_count"), ratingCount: try row.int("rating_count"))
    }

    /// Records what an import loaded, replacing the previous record.
    public static func saveMetadata(_ metadata: XWinesMetadata, in connection: Connection) throws {
        try connection.execute(
            """
            INSERT OR REPLACE INTO xwines_metadata
                (id, version, source, ratings_source, import_date, wine_count, rating_count)
            VALUES (1, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(metadata.variant.rawValue), .text(metadata.source), SQLValue(metadata.ratingsSource),
                .text(Timestamp.string(from: metadata.importDate)), SQLValue(metadata.wineCount),
                SQLValue(metadata.ratingCount),
            ])
    }

    // MARK: Rows

    static func wine(from row: Row) throws -> XWinesWine {
        XWinesWine(
            id: try row.int("id"), name: try row.string("name"), wineType: try row.string("wine_type"),
            elaborate: try row.nullableString("elaborate"), grapes: try XWinesJSON.strings(row.string("grapes")),
            harmonize: try XWinesJSON.strings(row.string("harmonize")), abv: try row.nullableDouble("abv"),
            body: try row.nullableString("body"), acidity: try row.nullableString("acidity"),
            countryCode: try row.nullableString("country_code"), country: try row.nullableString("country"),
            regionID: try row.nullableInt("region_id"), regionName: try row.nullableString("region_name"),
            wineryID: try row.nullableInt("winery_id"), wineryName: try row.nullableString("winery_name"),
            website: try row.nullableString("website"), vintages: try XWinesJSON.vintages(row.string("vintages")),
            averageRating: try row.nullableDouble("avg_rating"), ratingCount: try row.int("rating_count"))
    }

    private static func real(_ value: Double?) -> SQLValue {
        value.map(SQLValue.real) ?? .null
    }

    private static func integer(_ value: Int?) -> SQLValue {
        value.map { SQLValue($0) } ?? .null
    }

    static func integerResult(_ value: SQLValue?) throws -> Int {
        if case .integer(let count)? = value {
            return Int(count)
        }
        throw StorageError(.typeMismatch, "A count query did not return an integer")
    }
}
