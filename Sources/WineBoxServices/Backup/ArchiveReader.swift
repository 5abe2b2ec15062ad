import CArchive

/// Reads a tar archive, compressed with gzip or not, entry by entry from an open file descriptor, through
/// libarchive. It never extracts anything itself: the caller decides what to do with each entry's bytes.
///
/// Only the tar formats are recognised (ustar, pax, GNU); anything else fails as `.unreadable`, as does a damaged
/// or truncated file. The descriptor stays owned by the caller. Not thread-safe; blocks the calling thread.
final class ArchiveReader {
    /// What an entry's header says.
    struct Header {
        /// The entry's name as stored; invalid UTF-8 is replaced, so the name then fails every safety check.
        let name: String
        /// True for a regular file that is not a hard link to an earlier entry.
        let isRegularFile: Bool
        /// The size the header declares, when it declares one.
        let size: Int64?
    }

    private let archive: OpaquePointer
    private let path: String

    /// Opens the archive on `descriptor`, which was opened for reading at `path` (named in errors).
    init(descriptor: Int32, path: String) throws(BackupError) {
        try ArchiveLibrary.load()
        guard let archive = winebox_archive_read_new() else {
            throw BackupError(.fileSystem, "libarchive could not start reading an archive.")
        }
        self.archive = archive
        self.path = path
        winebox_archive_read_support_filter_gzip(archive)
        winebox_archive_read_support_format_tar(archive)
        guard winebox_archive_read_open_fd(archive, descriptor, 64 * 1_024) == WINEBOX_ARCHIVE_OK else {
            throw failure()
        }
    }

    deinit {
        winebox_archive_read_free(archive)
    }

    /// The next entry's header, or nil at the end of the archive.
    func nextEntry() throws(BackupError) -> Header? {
        var entry: OpaquePointer?
        let status = winebox_archive_read_next_header(archive, &entry)
        if status == WINEBOX_ARCHIVE_EOF {
            return nil
        }
        guard status == WINEBOX_ARCHIVE_OK || status == WINEBOX_ARCHIVE_WARN, let entry else {
            throw failure()
        }
        let name = winebox_archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
        let isRegular =
            winebox_archive_entry_filetype(entry) & winebox_archive_type_mask == winebox_archive_type_regular
            && winebox_archive_entry_hardlink(entry) == nil && winebox_archive_entry_symlink(entry) == nil
        let size = winebox_archive_entry_size_is_set(entry) != 0 ? winebox_archive_entry_size(entry) : nil
        return Header(name: name, isRegularFile: isRegular, size: size)
    }

    /// Reads the next bytes of the current entry into `buffer`; 0 means the entry is complete.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(BackupError) -> Int {
        let count = winebox_archive_read_data(archive, buffer.baseAddress, buffer.count)
        guard count >= 0 else {
            throw failure()
        }
        return count
    }

    private func failure() -> BackupError {
        let reason = winebox_archive_error_string(archive).map { String(cString: $0) } ?? "unknown libarchive error"
        return BackupError(
            .unreadable, "\(path) is not a readable WineBox backup (damaged, truncated or not a tar.gz): \(reason).")
    }
}
