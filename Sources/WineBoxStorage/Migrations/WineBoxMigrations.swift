internal import Foundation

/// The WineBox schema, as the ordered list of every migration ever shipped.
///
/// Append only: never edit, renumber, rename or remove a migration that has shipped, because databases record
/// each applied version and name, and ``Migrator`` refuses a database whose record disagrees.
public enum WineBoxMigrations {
    /// Every migration, in version order. ``Database/open(at:migrations:configuration:)`` applies it by default.
    public static let all: [Migration] = [
        createInstance
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
}
