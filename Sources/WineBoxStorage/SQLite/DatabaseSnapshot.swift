public import Foundation

/// A copy of the database made by ``Database/backup(to:pagesPerStep:progress:)``: where it is and what it holds.
public struct DatabaseSnapshot: Sendable, Equatable {
    /// The file the copy was written to.
    public let path: String
    /// The size of the copy in bytes (pages times page size).
    public let byteCount: Int64
    /// The schema version recorded in the copy (0 for a database never migrated).
    public let schemaVersion: Int
    /// The installation's id from the copy's `instance` row; nil when the database has none (not migrated).
    public let instanceID: UUID?

    /// Creates a description of a copy.
    public init(path: String, byteCount: Int64, schemaVersion: Int, instanceID: UUID?) {
        self.path = path
        self.byteCount = byteCount
        self.schemaVersion = schemaVersion
        self.instanceID = instanceID
    }
}
