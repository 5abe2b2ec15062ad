public import WineBoxServices

/// The outcome of ``DataRestore/restore(archive:into:progress:)``.
public struct RestoreSummary: Sendable, Equatable {
    /// The archive that was restored, with its verified manifest.
    public let archive: BackupArchive
    /// The data directory it was restored into, as given.
    public let dataDirectory: String

    /// The database and image totals.
    public var contents: BackupContents { BackupContents(archive.manifest) }
}
