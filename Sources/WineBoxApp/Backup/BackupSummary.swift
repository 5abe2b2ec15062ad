public import WineBoxServices

/// The outcome of ``DataBackup/create(dataDirectory:output:now:progress:)``.
public struct BackupSummary: Sendable, Equatable {
    /// The archive written, with its manifest.
    public let archive: BackupArchive
    /// Files under `images/` that were not backed up (unsafe names, links, hidden files), relative to the data
    /// directory.
    public let skippedImages: [String]

    /// The database and image totals.
    public var contents: BackupContents { BackupContents(archive.manifest) }
}
