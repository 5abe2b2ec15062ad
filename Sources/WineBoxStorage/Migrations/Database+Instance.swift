internal import Foundation

extension Database {
    /// The database's schema version: the highest applied migration, or 0 for a database never migrated.
    ///
    /// - Throws: `.closed` after ``close()``; ``StorageError`` from SQLite.
    public func schemaVersion() async throws -> Int {
        try await read { connection in try Migrator.recordedVersion(connection) }
    }

    /// Reads the installation's identity from the `instance` table (created by migration 1) plus the schema
    /// version, in one consistent snapshot.
    ///
    /// - Throws: `.notFound` when the database has not been migrated (no `instance` row); `.corrupt` when the row
    ///   holds a malformed UUID or timestamp; `.closed` after ``close()``.
    public func instanceInfo() async throws -> InstanceInfo {
        try await read { connection in
            guard let instance = try Self.instanceRow(connection) else {
                throw StorageError(.notFound, "The database has no instance row; it has not been migrated.")
            }
            return instance
        }
    }

    /// The `instance` row with the schema version, or nil when the database has no `instance` table or row.
    ///
    /// - Throws: `.corrupt` when the row holds a malformed UUID or timestamp; ``StorageError`` from SQLite.
    static func instanceRow(_ connection: Connection) throws -> InstanceInfo? {
        let version = try Migrator.recordedVersion(connection)
        guard try connection.tableExists("instance"),
            let row = try connection.queryOne("SELECT instance_id, created_at FROM instance WHERE id = 1")
        else {
            return nil
        }
        guard let instanceID = UUID(uuidString: try row.string("instance_id")) else {
            throw StorageError(.corrupt, "The instance row holds a malformed instance_id.")
        }
        guard let createdAt = Timestamp.date(from: try row.string("created_at")) else {
            throw StorageError(.corrupt, "The instance row holds a malformed created_at timestamp.")
        }
        return InstanceInfo(instanceID: instanceID, createdAt: createdAt, schemaVersion: version)
    }
}
