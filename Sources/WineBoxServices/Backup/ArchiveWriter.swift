import CArchive
import Foundation

/// Writes a gzip-compressed tar archive (POSIX pax format, plain ustar headers where they suffice) to an open file
/// descriptor, through libarchive.
///
/// Entries are regular files with mode 0600, owner 0 and the given modification time. Each entry's size must be
/// given up front and exactly that many bytes written before the next entry starts. The descriptor stays owned
/// by the caller. Not thread-safe; blocks the calling thread.
final class ArchiveWriter {
    private let archive: OpaquePointer
    private let path: String
    private var isClosed = false

    /// Starts an archive on `descriptor`, which was opened for writing at `path` (named in errors).
    init(descriptor: Int32, path: String) throws(BackupError) {
        try ArchiveLibrary.load()
        guard let archive = winebox_archive_write_new() else {
            throw BackupError(.fileSystem, "libarchive could not start an archive.")
        }
        self.archive = archive
        self.path = path
        try check(winebox_archive_write_add_filter_gzip(archive), "set up gzip compression for")
        try check(winebox_archive_write_set_format_pax_restricted(archive), "set up the tar format for")
        try check(winebox_archive_write_open_fd(archive, descriptor), "start writing")
    }

    deinit {
        winebox_archive_write_free(archive)
    }

    /// Starts the next entry: a regular file called `name` holding `size` bytes.
    func beginEntry(_ name: String, size: Int64, modified: Date) throws(BackupError) {
        guard let entry = winebox_archive_entry_new() else {
            throw BackupError(.fileSystem, "libarchive could not describe the entry \(name).")
        }
        defer { winebox_archive_entry_free(entry) }
        winebox_archive_entry_set_pathname(entry, name)
        winebox_archive_entry_set_size(entry, size)
        winebox_archive_entry_set_filetype(entry, winebox_archive_type_regular)
        winebox_archive_entry_set_perm(entry, 0o600)
        winebox_archive_entry_set_mtime(entry, time_t(modified.timeIntervalSince1970), 0)
        try check(winebox_archive_write_header(archive, entry), "add \(name) to")
    }

    /// Appends `bytes` to the current entry.
    func write(_ bytes: UnsafeRawBufferPointer) throws(BackupError) {
        var offset = 0
        while offset < bytes.count {
            let written = winebox_archive_write_data(archive, bytes.baseAddress! + offset, bytes.count - offset)
            guard written > 0 else {
                throw failure("write to")
            }
            offset += written
        }
    }

    /// Ends the archive: writes the tar trailer and flushes the compressor. Nothing can be added afterwards.
    func close() throws(BackupError) {
        guard !isClosed else { return }
        isClosed = true
        try check(winebox_archive_write_close(archive), "finish")
    }

    private func check(_ status: Int32, _ action: String) throws(BackupError) {
        guard status == WINEBOX_ARCHIVE_OK else {
            throw failure(action)
        }
    }

    private func failure(_ action: String) -> BackupError {
        let reason = winebox_archive_error_string(archive).map { String(cString: $0) } ?? "unknown libarchive error"
        return BackupError(.fileSystem, "Could not \(action) the archive \(path): \(reason).")
    }
}
