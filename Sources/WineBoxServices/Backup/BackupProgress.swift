/// How far a backup or restore has come, reported to a progress callback.
///
/// Counts refer to the current ``stage``. Totals are known before a stage starts, except while reading an
/// archive, where they come from its manifest once that has been read.
public struct BackupProgress: Sendable, Equatable {
    /// The parts of a backup or restore, in the order they run.
    public enum Stage: String, Sendable {
        /// Backup: copying the database snapshot (one file; bytes are pages copied times page size).
        case copyingDatabase = "copying the database"
        /// Backup: reading every file once to record its size and SHA-256 in the manifest.
        case checkingFiles = "checking files"
        /// Backup: writing the compressed archive.
        case writingArchive = "writing the archive"
        /// Restore: reading, verifying and extracting the archive's entries.
        case extracting = "extracting"
        /// Restore: running SQLite's integrity check on the restored database (no counts).
        case checkingDatabase = "checking the database"
    }

    public let stage: Stage
    /// Files finished in this stage.
    public let files: Int
    /// Files this stage will handle.
    public let totalFiles: Int
    /// Bytes handled in this stage.
    public let bytes: Int64
    /// Bytes this stage will handle.
    public let totalBytes: Int64

    public init(stage: Stage, files: Int, totalFiles: Int, bytes: Int64, totalBytes: Int64) {
        self.stage = stage
        self.files = files
        self.totalFiles = totalFiles
        self.bytes = bytes
        self.totalBytes = totalBytes
    }
}
