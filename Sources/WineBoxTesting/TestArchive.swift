import CArchive
import Foundation

/// Reads and writes gzip-compressed tar archives entry by entry with libarchive, so tests can take a real backup
/// apart, change it (a byte, a name, a link, an extra entry) and put it back together. Not for production use.
public enum TestArchive {
    /// One entry of an archive.
    public struct Entry: Sendable, Equatable {
        /// What the entry is.
        public enum Kind: Sendable, Equatable {
            case file
            case directory
            case symbolicLink(to: String)
            case hardLink(to: String)
            case characterDevice
        }

        public var name: String
        public var kind: Kind
        public var bytes: [UInt8]

        public init(name: String, kind: Kind = .file, bytes: [UInt8] = []) {
            self.name = name
            self.kind = kind
            self.bytes = bytes
        }

        /// A file entry holding `text` in UTF-8.
        public static func file(_ name: String, _ text: String) -> Entry {
            Entry(name: name, bytes: Array(text.utf8))
        }
    }

    /// A failure of libarchive while a test reads or writes an archive.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// Every entry of the archive at `path`, in order.
    public static func read(_ path: String) throws -> [Entry] {
        guard let archive = winebox_archive_read_new() else {
            throw Failure(description: "winebox_archive_read_new failed")
        }
        defer { winebox_archive_read_free(archive) }
        winebox_archive_read_support_filter_gzip(archive)
        winebox_archive_read_support_format_tar(archive)
        try check(archive, winebox_archive_read_open_filename(archive, path, 10_240))
        var entries: [Entry] = []
        var header: OpaquePointer?
        while try check(archive, winebox_archive_read_next_header(archive, &header)) != WINEBOX_ARCHIVE_EOF, let header
        {
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes {
                    winebox_archive_read_data(archive, $0.baseAddress, $0.count)
                }
                guard count > 0 else {
                    try check(archive, Int32(count))
                    break
                }
                bytes += buffer[0..<count]
            }
            let name = winebox_archive_entry_pathname(header).map { String(cString: $0) } ?? ""
            entries.append(Entry(name: name, bytes: bytes))
        }
        return entries
    }

    /// Writes `entries` as a new gzip-compressed pax archive at `path` (replacing any file there).
    public static func write(_ entries: [Entry], to path: String) throws {
        guard let archive = winebox_archive_write_new() else {
            throw Failure(description: "winebox_archive_write_new failed")
        }
        defer { winebox_archive_write_free(archive) }
        try check(archive, winebox_archive_write_add_filter_gzip(archive))
        try check(archive, winebox_archive_write_set_format_pax_restricted(archive))
        try check(archive, winebox_archive_write_open_filename(archive, path))
        for entry in entries {
            guard let header = winebox_archive_entry_new() else {
                throw Failure(description: "winebox_archive_entry_new failed")
            }
            defer { winebox_archive_entry_free(header) }
            winebox_archive_entry_set_pathname(header, entry.name)
            winebox_archive_entry_set_perm(header, 0o600)
            switch entry.kind {
            case .file:
                winebox_archive_entry_set_filetype(header, winebox_archive_type_regular)
                winebox_archive_entry_set_size(header, Int64(entry.bytes.count))
            case .directory:
                winebox_archive_entry_set_filetype(header, 0o040000)
            case .symbolicLink(let target):
                winebox_archive_entry_set_filetype(header, 0o120000)
                winebox_archive_entry_set_symlink(header, target)
            case .hardLink(let target):
                winebox_archive_entry_set_filetype(header, winebox_archive_type_regular)
                winebox_archive_entry_set_hardlink(header, target)
            case .characterDevice:
                winebox_archive_entry_set_filetype(header, 0o020000)
                winebox_archive_entry_set_rdevmajor(header, 1)
                winebox_archive_entry_set_rdevminor(header, 3)
            }
            try check(archive, winebox_archive_write_header(archive, header))
            if entry.kind == .file && !entry.bytes.isEmpty {
                let written = entry.bytes.withUnsafeBytes {
                    winebox_archive_write_data(archive, $0.baseAddress, $0.count)
                }
                guard written == entry.bytes.count else { throw Failure(description: "short write of \(entry.name)") }
            }
        }
        try check(archive, winebox_archive_write_close(archive))
    }

    @discardableResult
    private static func check(_ archive: OpaquePointer, _ status: Int32) throws -> Int32 {
        guard status >= WINEBOX_ARCHIVE_WARN else {
            let reason = winebox_archive_error_string(archive).map { String(cString: $0) } ?? "status \(status)"
            throw Failure(description: reason)
        }
        return status
    }
}
