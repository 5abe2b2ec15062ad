#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Prepares the file system for a database file: a private directory and private files.
///
/// - Missing directories on the path are created with mode 0700 (owner only). Existing directories are left
///   alone: they may be shared system directories such as `/var/lib`.
/// - The database file is created if missing (never truncated) and set to mode 0600. SQLite creates its `-wal`
///   and `-shm` files with the database file's mode; any that already exist are set to 0600 too.
///
/// The process umask can only remove permission bits, so it never widens these modes.
enum DatabaseFiles {
    /// Creates the parent directories and the database file, and restricts their permissions.
    ///
    /// - Throws: ``StorageError`` `.cannotOpen` naming the path and the system's reason.
    static func prepare(path: String) throws(StorageError) {
        try createDirectory(parent(of: path))
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw failure("Could not create the database file", path)
        }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else {
            throw failure("Could not restrict the permissions of", path)
        }
        for suffix in ["-wal", "-shm"] where chmod(path + suffix, 0o600) != 0 && errno != ENOENT {
            throw failure("Could not restrict the permissions of", path + suffix)
        }
    }

    /// Fails unless `path` names an existing regular file (symbolic links are followed).
    ///
    /// - Throws: ``StorageError`` `.cannotOpen` naming the path.
    static func requireRegularFile(_ path: String) throws(StorageError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw failure("There is no database file at", path)
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw StorageError(.cannotOpen, "\(path) is not a regular file, so it cannot be a database.")
        }
    }

    /// The directory part of `path`: `.` for a bare file name, `/` for a file at the root.
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex {
            return "/"
        }
        return String(path[..<slash])
    }

    private static func createDirectory(_ directory: String) throws(StorageError) {
        var status = stat()
        if stat(directory, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw StorageError(.cannotOpen, "\(directory) exists but is not a directory.")
            }
            return
        }
        let above = parent(of: directory)
        if above != directory {
            try createDirectory(above)
        }
        guard mkdir(directory, 0o700) == 0 || errno == EEXIST else {
            throw failure("Could not create the database directory", directory)
        }
    }

    private static func failure(_ action: String, _ path: String) -> StorageError {
        let reason = String(cString: strerror(errno))
        return StorageError(.cannotOpen, "\(action) \(path): \(reason).")
    }
}
