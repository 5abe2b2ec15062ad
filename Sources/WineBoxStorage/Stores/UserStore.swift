internal import Foundation
public import WineBoxDomain

/// Reads and writes accounts. Every function runs inside a `Database.read`/`write` closure on the
/// connection it is given.
public enum UserStore {
    static let columns =
        "id, email, password_hash, full_name, role, is_active, is_verified, created_at, updated_at, "
        + "last_sign_in_at, session_epoch, invited_at"

    /// Adds `user`.
    ///
    /// - Throws: ``WineBoxError`` `.conflict` when the e-mail address is already taken.
    public static func insert(_ user: User, in connection: Connection) throws {
        try translatingDuplicateEmail { () throws(StorageError) in
            try connection.execute(
                "INSERT INTO user (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values(of: user))
        }
    }

    /// Writes every field of `user` (found by its id).
    ///
    /// - Throws: ``WineBoxError`` `.notFound` when it no longer exists, `.conflict` for a taken address.
    public static func update(_ user: User, in connection: Connection) throws {
        try translatingDuplicateEmail { () throws(StorageError) in
            try connection.execute(
                """
                UPDATE user SET email = ?2, password_hash = ?3, full_name = ?4, role = ?5, is_active = ?6,
                    is_verified = ?7, created_at = ?8, updated_at = ?9, last_sign_in_at = ?10, session_epoch = ?11,
                    invited_at = ?12
                WHERE id = ?1
                """, values(of: user))
        }
        guard connection.changes == 1 else {
            throw WineBoxError(.notFound, "User not found")
        }
    }

    public static func find(id: String, in connection: Connection) throws -> User? {
        try connection.queryOne("SELECT \(columns) FROM user WHERE id = ?", [.text(id)]).map(user(from:))
    }

    public static func find(email: EmailAddress, in connection: Connection) throws -> User? {
        try connection.queryOne("SELECT \(columns) FROM user WHERE email = ?", [.text(email.value)]).map(user(from:))
    }

    /// Every account, ordered by e-mail address.
    public static func all(in connection: Connection) throws -> [User] {
        try connection.query("SELECT \(columns) FROM user ORDER BY email, id").map(user(from:))
    }

    public static func count(in connection: Connection) throws -> Int {
        let value = try connection.scalar("SELECT count(*) FROM user")
        if case .integer(let count)? = value {
            return Int(count)
        }
        return 0
    }

    /// Admins who can still sign in (active, with a verified address: an invited admin who has not chosen a password
    /// yet does not count), other than `userID`. WineBox never lets the count of them drop to zero.
    public static func usableAdminCount(excluding userID: String, in connection: Connection) throws -> Int {
        let value = try connection.scalar(
            "SELECT count(*) FROM user WHERE role = 'admin' AND is_active = 1 AND is_verified = 1 AND id != ?",
            [.text(userID)])
        if case .integer(let count)? = value {
            return Int(count)
        }
        return 0
    }

    /// Removes the account; returns whether it existed.
    @discardableResult
    public static func delete(id: String, in connection: Connection) throws -> Bool {
        try connection.execute("DELETE FROM user WHERE id = ?", [.text(id)])
        return connection.changes == 1
    }

    /// Runs `body`, turning a unique-constraint failure (the e-mail column) into a 409-style domain error.
    private static func translatingDuplicateEmail(_ body: () throws(StorageError) -> Void) throws {
        let outcome: Result<Void, StorageError> = Result { () throws(StorageError) in try body() }
        if case .failure(let error) = outcome {
            if error.isUniqueConstraintViolation {
                throw WineBoxError(.conflict, "An account with this e-mail address already exists")
            }
            throw error
        }
    }

    private static func values(of user: User) -> [SQLValue] {
        [
            .text(user.id), .text(user.email.value), .text(user.passwordHash), .text(user.fullName),
            .text(user.role.rawValue), SQLValue(user.isActive), SQLValue(user.isVerified),
            .text(Timestamp.string(from: user.createdAt)), .text(Timestamp.string(from: user.updatedAt)),
            SQLValue(user.lastSignInAt.map(Timestamp.string(from:))), .integer(user.sessionEpoch),
            SQLValue(user.invitedAt.map(Timestamp.string(from:))),
        ]
    }

    private static func user(from row: Row) throws -> User {
        guard let role = Role(rawValue: try row.string("role")),
            let createdAt = Timestamp.date(from: try row.string("created_at")),
            let updatedAt = Timestamp.date(from: try row.string("updated_at"))
        else {
            throw StorageError(.typeMismatch, "A user row has an invalid role or timestamp")
        }
        return User(
            id: try row.string("id"), email: try EmailAddress(try row.string("email")),
            passwordHash: try row.string("password_hash"), fullName: try row.string("full_name"), role: role,
            isActive: try row.bool("is_active"), isVerified: try row.bool("is_verified"), createdAt: createdAt,
            updatedAt: updatedAt,
            lastSignInAt: try row.nullableString("last_sign_in_at").flatMap(Timestamp.date(from:)),
            sessionEpoch: try row.int64("session_epoch"),
            invitedAt: try row.nullableString("invited_at").flatMap(Timestamp.date(from:)))
    }
}
