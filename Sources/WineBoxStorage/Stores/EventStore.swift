internal import Foundation
public import WineBoxDomain

/// Reads and writes the cellar's history. Event dates and creation times are stored with milliseconds so events
/// recorded within one second keep their order.
public enum EventStore {
    static let columns = """
        e.id, e.wine_id, e.lot_id, e.event_type, e.quantity, e.event_date, e.user_id, e.notes, e.reason, e.sale_price,
        e.currency, e.gift_recipient, e.rating, e.tasting_notes, e.from_location, e.to_location, e.created_at,
        w.name AS wine_name, w.vintage AS wine_vintage, w.winery AS wine_winery,
        CASE WHEN u.id IS NULL THEN NULL WHEN u.full_name <> '' THEN u.full_name
            ELSE substr(u.email, 1, instr(u.email, '@') - 1) END AS user_name
        """
    static let joins = "FROM wine_event e JOIN wine w ON w.id = e.wine_id LEFT JOIN user u ON u.id = e.user_id"
    static let newestFirst = "e.event_date DESC, e.created_at DESC, e.id DESC"

    public static func insert(_ event: CellarEvent, in connection: Connection) throws {
        let checkout = event.checkout
        try connection.execute(
            """
            INSERT INTO wine_event (id, wine_id, lot_id, event_type, quantity, event_date, user_id, notes, reason,
                sale_price, currency, gift_recipient, rating, tasting_notes, from_location, to_location, created_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
            """,
            [
                .text(event.id), .text(event.wineID), SQLValue(event.lotID), .text(event.type.rawValue),
                SQLValue(event.quantity), .text(Timestamp.preciseString(from: event.date)), SQLValue(event.userID),
                .text(event.notes), SQLValue(checkout?.reason.rawValue), SQLValue(checkout?.salePrice),
                SQLValue(checkout?.currency), SQLValue(checkout?.giftRecipient), SQLValue(checkout?.rating),
                .text(checkout?.tastingNotes ?? ""), SQLValue(event.fromLocation), SQLValue(event.toLocation),
                .text(Timestamp.preciseString(from: event.createdAt)),
            ])
    }

    public static func find(id: String, in connection: Connection) throws -> HistoryEntry? {
        try connection.queryOne("SELECT \(columns) \(joins) WHERE e.id = ?", [.text(id)]).map(entry(from:))
    }

    /// The wine's history, newest first.
    public static func history(ofWine wineID: String, in connection: Connection) throws -> [HistoryEntry] {
        try connection.query("SELECT \(columns) \(joins) WHERE e.wine_id = ? ORDER BY \(newestFirst)", [.text(wineID)])
            .map(entry(from:))
    }

    /// The page of events `query` asks for, newest first, and how many match in all.
    public static func list(_ query: HistoryQuery, in connection: Connection) throws -> (
        entries: [HistoryEntry], total: Int
    ) {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let type = query.type {
            conditions.append("e.event_type = ?")
            arguments.append(.text(type.rawValue))
        }
        if let wineID = query.wineID {
            conditions.append("e.wine_id = ?")
            arguments.append(.text(wineID))
        }
        if let reason = query.reason {
            conditions.append("e.reason = ?")
            arguments.append(.text(reason.rawValue))
        }
        if let userID = query.userID {
            conditions.append("e.user_id = ?")
            arguments.append(.text(userID))
        }
        if let from = query.from {
            conditions.append("e.event_date >= ?")
            arguments.append(.text(Timestamp.preciseString(from: from)))
        }
        if let until = query.until {
            conditions.append("e.event_date <= ?")
            arguments.append(.text(Timestamp.preciseString(from: until)))
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let total = try connection.queryOne("SELECT count(*) AS n FROM wine_event e \(whereClause)", arguments)
        let rows = try connection.query(
            "SELECT \(columns) \(joins) \(whereClause) ORDER BY \(newestFirst) LIMIT ? OFFSET ?",
            arguments + [SQLValue(query.limit), SQLValue(query.skip)])
        return (try rows.map(entry(from:)), try total?.int("n") ?? 0)
    }

    static func entry(from row: Row) throws -> HistoryEntry {
        guard let type = CellarEventType(rawValue: try row.string("event_type")),
            let date = Timestamp.date(from: try row.string("event_date")),
            let createdAt = Timestamp.date(from: try row.string("created_at"))
        else {
            throw StorageError(.typeMismatch, "An event row has an invalid type or timestamp")
        }
        var checkout: CheckoutDetails?
        if let reasonText = try row.nullableString("reason"), let reason = RemovalReason(rawValue: reasonText) {
            checkout = CheckoutDetails(
                reason: reason, salePrice: try row.nullableDouble("sale_price"),
                currency: try row.nullableString("currency"), giftRecipient: try row.nullableString("gift_recipient"),
                rating: try row.nullableInt("rating"), tastingNotes: try row.string("tasting_notes"))
        }
        let event = CellarEvent(
            id: try row.string("id"), wineID: try row.string("wine_id"), lotID: try row.nullableString("lot_id"),
            type: type, quantity: try row.int("quantity"), date: date, userID: try row.nullableString("user_id"),
            notes: try row.string("notes"), checkout: checkout, fromLocation: try row.nullableString("from_location"),
            toLocation: try row.nullableString("to_location"), createdAt: createdAt)
        let wine = WineReference(
            id: event.wineID, name: try row.string("wine_name"), vintage: try row.nullableInt("wine_vintage"),
            winery: try row.nullableString("wine_winery"))
        return HistoryEntry(event: event, wine: wine, userName: try row.nullableString("user_name"))
    }
}
