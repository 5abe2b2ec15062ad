public import WineBoxServices

/// What a backup archive holds, in the terms a person cares about: the database and the images.
public struct BackupContents: Sendable, Equatable {
    /// The database snapshot's size in bytes.
    public let databaseBytes: Int64
    /// The database's schema version.
    public let schemaVersion: Int
    /// How many image files the archive holds.
    public let imageCount: Int
    /// Their total size in bytes.
    public let imageBytes: Int64

    /// Sums up a manifest; entries under `images/` count as images.
    public init(_ manifest: BackupManifest) {
        let images = manifest.entries.filter { $0.path.hasPrefix(ImageFolder.name + "/") }
        databaseBytes = manifest.entry(Application.databaseFileName)?.size ?? 0
        schemaVersion = manifest.schemaVersion
        imageCount = images.count
        imageBytes = images.reduce(0) { $0 + $1.size }
    }
}
