public import Foundation

/// Who this WineBox installation is: read once at start-up and logged (none of it is secret).
public struct InstanceInfo: Sendable, Hashable {
    /// The random identifier generated when the database was created; stable for the life of the installation.
    public let instanceID: UUID
    /// When the database was created (UTC, whole seconds).
    public let createdAt: Date
    /// The database's schema version (the highest applied migration).
    public let schemaVersion: Int

    /// Creates an instance description.
    public init(instanceID: UUID, createdAt: Date, schemaVersion: Int) {
        self.instanceID = instanceID
        self.createdAt = createdAt
        self.schemaVersion = schemaVersion
    }
}
