/// A backup archive on disk: where it is, how large, and its verified manifest.
public struct BackupArchive: Sendable, Equatable {
    /// The archive file.
    public let path: String
    /// The archive's size in bytes (compressed).
    public let byteCount: Int64
    /// Its table of contents.
    public let manifest: BackupManifest

    public init(path: String, byteCount: Int64, manifest: BackupManifest) {
        self.path = path
        self.byteCount = byteCount
        self.manifest = manifest
    }
}
