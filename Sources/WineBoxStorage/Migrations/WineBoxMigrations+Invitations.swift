extension WineBoxMigrations {
    /// Version 7: `user.invited_at`, when an admin invited the account (ISO 8601 UTC), kept only while the
    /// invitation waits to be accepted, so the members list can tell an invitation from a registration that waits
    /// for its address to be confirmed. NULL for every account that existed before.
    static let addInvitedAt = Migration(
        version: 7, name: "add_user_invited_at",
        sql: """
            ALTER TABLE user ADD COLUMN invited_at TEXT;
            """)
}
