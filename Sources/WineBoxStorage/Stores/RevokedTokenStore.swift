public import Foundation

/// The persisted blacklist of revoked tokens (sign-out, used reset and verification links).
///
/// An entry is kept until the token would have expired on its own; ``prune(before:in:)`` then drops it.
public enum RevokedTokenStore {
    /// Revokes the token with id `jti` until `expiresAt`. Revoking twice is harmless.
    public static func revoke(jti: String, expiresAt: Date, in connection: Connection) throws {
        try connection.execute(
            "INSERT OR IGNORE INTO revoked_token (jti, expires_at) VALUES (?, ?)",
            [.text(jti), .text(Timestamp.string(from: expiresAt))])
    }

    public static func isRevoked(jti: String, in connection: Connection) throws -> Bool {
        try connection.queryOne("SELECT 1 FROM revoked_token WHERE jti = ?", [.text(jti)]) != nil
    }

    /// Deletes entries whose token expired before `date`; returns how many.
    @discardableResult
    public static func prune(before date: Date, in connection: Connection) throws -> Int {
        try connection.execute("DELETE FROM revoked_token WHERE expires_at < ?", [.text(Timestamp.string(from: date))])
        return connection.changes
    }
}
