internal import Foundation
public import WineBoxDomain

/// Reads and writes critic and community scores, and the grapes of blends.
public enum ScoreStore {
    static let columns = "id, wine_id, source, score, scale, review_date, reviewer, notes, created_at"

    public static func insert(_ score: WineScore, in connection: Connection) throws {
        try connection.execute(
            "INSERT INTO wine_score (\(columns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", values(of: score))
    }

    /// - Throws: ``WineBoxError`` `.notFound` when the score no longer exists.
    public static func update(_ score: WineScore, in connection: Connection) throws {
        try connection.execute(
            """
            UPDATE wine_score SET wine_id = ?2, source = ?3, score = ?4, scale = ?5, review_date = ?6, reviewer = ?7,
                notes = ?8, created_at = ?9 WHERE id = ?1
            """, values(of: score))
        guard connection.changes == 1 else {
            throw WineBoxError(.notFound, "Score with ID \(score.id) not found for wine \(score.wineID)")
        }
    }

    public static func find(id: String, wineID: String, in connection: Connection) throws -> WineScore? {
        try connection.queryOne(
            "SELECT \(columns) FROM wine_score WHERE id = ? AND wine_id = ?", [.text(id), .text(wineID)]
        ).map(score(from:))
    }

    /// The wine's scores in the order they were added.
    public static func scores(ofWine wineID: String, in connection: Connection) throws -> [WineScore] {
        try connection.query(
            "SELECT \(columns) FROM wine_score WHERE wine_id = ? ORDER BY created_at, id", [.text(wineID)]
        ).map(score(from:))
    }

    @discardableResult
    public static func delete(id: String, wineID: String, in connection: Connection) throws -> Bool {
        try connection.execute("DELETE FROM wine_score WHERE id = ? AND wine_id = ?", [.text(id), .text(wineID)])
        return connection.changes == 1
    }

    /// The wine's blend, in order.
    public static func blend(ofWine wineID: String, in connection: Connection) throws -> [BlendComponent] {
        try connection.query(
            "SELECT grape, percentage FROM wine_blend WHERE wine_id = ? ORDER BY position", [.text(wineID)]
        ).map { BlendComponent(grape: try $0.string("grape"), percentage: try $0.nullableDouble("percentage")) }
    }

    /// Replaces the wine's blend as a whole (an empty list removes it).
    public static func replaceBlend(_ blend: [BlendComponent], ofWine wineID: String, in connection: Connection) throws
    {
        try connection.execute("DELETE FROM wine_blend WHERE wine_id = ?", [.text(wineID)])
        for (position, component) in blend.enumerated() {
            try connection.execute(
                "INSERT INTO wine_blend (wine_id, position, grape, percentage) VALUES (?, ?, ?, ?)",
                [.text(wineID), SQLValue(position), .text(component.grape), SQLValue(component.percentage)])
        }
    }

    private static func values(of score: WineScore) -> [SQLValue] {
        [
            .text(score.id), .text(score.wineID), .text(score.source), .real(score.score),
            SQLValue(score.scale.rawValue), SQLValue(score.reviewDate), SQLValue(score.reviewer), .text(score.notes),
            .text(Timestamp.preciseString(from: score.createdAt)),
        ]
    }

    static func score(from row: Row) throws -> WineScore {
        guard let scale = ScoreScale(rawValue: try row.int("scale")),
            let createdAt = Timestamp.date(from: try row.string("created_at"))
        else {
            throw StorageError(.typeMismatch, "A score row has an invalid scale or timestamp")
        }
        return WineScore(
            id: try row.string("id"), wineID: try row.string("wine_id"), source: try row.string("source"),
            score: try row.double("score"), scale: scale, reviewDate: try row.nullableString("review_date"),
            reviewer: try row.nullableString("reviewer"), notes: try row.string("notes"), createdAt: createdAt)
    }
}
