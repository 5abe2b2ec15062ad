public import Foundation

/// One security event in the audit trail: who did what to whom, from where. Never holds secrets.
public struct AuditEvent: Sendable, Equatable, Codable {
    public var id: Int64
    public var occurredAt: Date
    /// What happened: `sign_in`, `sign_in_failed`, `lockout`, `sign_out`, `password_changed`, `user_created`…
    public var kind: String
    /// The account that acted, when known.
    public var actorID: String?
    /// The account acted upon, when different from the actor or when the actor is unknown.
    public var subjectID: String?
    public var clientAddress: String?
    /// Extra context without secrets, e.g. the masked e-mail address of a failed sign-in.
    public var detail: String

    public init(
        id: Int64 = 0, occurredAt: Date, kind: String, actorID: String? = nil, subjectID: String? = nil,
        clientAddress: String? = nil, detail: String = ""
    ) {
        self.id = id
        self.occurredAt = occurredAt
        self.kind = kind
        self.actorID = actorID
        self.subjectID = subjectID
        self.clientAddress = clientAddress
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case id
        case occurredAt = "occurred_at"
        case kind
        case actorID = "actor_id"
        case subjectID = "subject_id"
        case clientAddress = "client_address"
        case detail
    }
}

/// Writes and reads the audit trail.
public enum AuditLog {
    public static func record(_ event: AuditEvent, in connection: Connection) throws {
        try connection.execute(
            """
            INSERT INTO audit_event (occurred_at, kind, actor_id, subject_id, client_address, detail)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            [
                .text(Timestamp.string(from: event.occurredAt)), .text(event.kind), SQLValue(event.actorID),
                SQLValue(event.subjectID), SQLValue(event.clientAddress), .text(event.detail),
            ])
    }

    /// The newest events first, optionally of one kind.
    public static func events(kind: String? = nil, limit: Int, offset: Int, in connection: Connection) throws
        -> [AuditEvent]
    {
        let filter = kind == nil ? "" : "WHERE kind = ?"
        var arguments: [SQLValue] = kind.map { [.text($0)] } ?? []
        arguments += [.integer(Int64(limit)), .integer(Int64(offset))]
        return try connection.query(
            """
            SELECT id, occurred_at, kind, actor_id, subject_id, client_address, detail FROM audit_event \(filter)
            ORDER BY id DESC LIMIT ? OFFSET ?
            """, arguments
        ).map { row in
            AuditEvent(
                id: try row.int64("id"),
                occurredAt: Timestamp.date(from: try row.string("occurred_at")) ?? Date(timeIntervalSince1970: 0),
                kind: try row.string("kind"), actorID: try row.nullableString("actor_id"),
                subjectID: try row.nullableString("subject_id"),
                clientAddress: try row.nullableString("client_address"),
                detail: try row.string("detail"))
        }
    }

    /// How many events there are, optionally of one kind.
    public static func count(kind: String? = nil, in connection: Connection) throws -> Int {
        let value = try connection.scalar(
            kind == nil ? "SELECT count(*) FROM audit_event" : "SELECT count(*) FROM audit_event WHERE kind = ?",
            kind.map { [.text($0)] } ?? [])
        if case .integer(let count)? = value {
            return Int(count)
        }
        return 0
    }
}
