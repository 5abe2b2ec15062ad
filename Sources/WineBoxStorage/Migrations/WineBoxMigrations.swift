internal import Foundation

/// The WineBox schema, as the ordered list of every migration ever shipped.
///
/// Append only: never edit, renumber, rename or remove a migration that has shipped, because databases record
/// each applied version and name, and ``Migrator`` refuses a database whose record disagrees.
public enum WineBoxMigrations {
    /// Every migration, in version order. ``Database/open(at:migrations:configuration:)`` applies it by default.
    public static let all: [Migration] = [
        createInstance,
        createAccounts,
        createCellar,
        createXWines,
        createXWinesWords,
        addCustomFields,
        addInvitedAt,
    ]

    /// Version 1: the single-row `instance` table that identifies this installation. Its `instance_id` is a random
    /// UUID (lowercase) and `created_at` the creation time in ISO 8601 UTC; both never change afterwards.
    static let createInstance = Migration(version: 1, name: "create_instance") { connection in
        try connection.execute(
            sql: """
                CREATE TABLE instance (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    instance_id TEXT NOT NULL,
                    created_at TEXT NOT NULL
                ) STRICT;
                """)
        try connection.execute(
            "INSERT INTO instance (id, instance_id, created_at) VALUES (1, ?, ?)",
            [.text(UUID().uuidString.lowercased()), .text(Timestamp.now())])
    }

    /// Version 2: accounts, revoked tokens and the audit trail of security events.
    ///
    /// `user.email` is stored normalised (trimmed, lower case) and unique. `session_epoch` moves on at every
    /// "sign out everywhere"; tokens carry the epoch they were issued in. `revoked_token` keeps each revoked
    /// token id until the token would have expired anyway, then it is pruned.
    static let createAccounts = Migration(
        version: 2, name: "create_accounts",
        sql: """
            CREATE TABLE user (
                id TEXT PRIMARY KEY,
                email TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                full_name TEXT NOT NULL DEFAULT '',
                role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
                is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
                is_verified INTEGER NOT NULL DEFAULT 0 CHECK (is_verified IN (0, 1)),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                last_sign_in_at TEXT,
                session_epoch INTEGER NOT NULL DEFAULT 0
            ) STRICT;
            CREATE INDEX user_role ON user (role, is_active);
            CREATE TABLE revoked_token (
                jti TEXT PRIMARY KEY,
                expires_at TEXT NOT NULL
            ) STRICT;
            CREATE INDEX revoked_token_expires_at ON revoked_token (expires_at);
            CREATE TABLE audit_event (
                id INTEGER PRIMARY KEY,
                occurred_at TEXT NOT NULL,
                kind TEXT NOT NULL,
                actor_id TEXT,
                subject_id TEXT,
                client_address TEXT,
                detail TEXT NOT NULL DEFAULT ''
            ) STRICT;
            CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at);
            CREATE INDEX audit_event_kind ON audit_event (kind, occurred_at);
            """)
}
