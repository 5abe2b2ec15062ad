import CArchive

/// libarchive, which writes and reads backup archives. It is loaded on first use rather than linked (see
/// `CArchive.h`), so only the backup and restore commands pay for it, and a missing library fails those two
/// commands with a clear message instead of every `winebox` command at start-up.
enum ArchiveLibrary {
    /// Loads libarchive if it is not loaded yet; throws `.unavailable` with the loader's reason when it cannot be.
    static func load() throws(BackupError) {
        guard winebox_archive_available() == 0 else { return }
        let reason = winebox_archive_unavailable_reason().map { String(cString: $0) } ?? "unknown reason"
        throw BackupError(.unavailable, "Backups need libarchive, which could not be loaded: \(reason).")
    }
}
