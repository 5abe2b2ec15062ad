import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The POSIX file work of backups and restores, with failures turned into ``BackupError`` `.fileSystem` messages
/// that name the file and the system's reason.
///
/// Files are opened with `O_CLOEXEC`; files a backup creates are new (`O_EXCL`), never followed through a
/// symbolic link (`O_NOFOLLOW`), and private (mode 0600; folders 0700). All calls block the calling thread.
enum BackupFiles {
    /// The size of the buffer files are read and written with.
    static let chunkSize = 256 * 1_024

    /// Opens an existing regular file for reading and returns the descriptor and the file's size.
    ///
    /// - Parameter followLinks: false refuses a symbolic link (for files found by walking a folder).
    static func openForReading(_ path: String, followLinks: Bool) throws(BackupError) -> (Int32, Int64) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else {
            throw failure("Could not open", path)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let error = failure("Could not read the size of", path)
            close(descriptor)
            throw error
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw BackupError(.fileSystem, "\(path) is not a regular file.")
        }
        return (descriptor, Int64(status.st_size))
    }

    /// Creates a new file with mode 0600 for writing; fails when anything exists at `path`.
    static func createNew(_ path: String) throws(BackupError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw failure("Could not create", path)
        }
        fchmod(descriptor, 0o600)
        return descriptor
    }

    /// Reads up to `buffer.count` bytes; 0 means the end of the file.
    static func readChunk(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String)
        throws(BackupError) -> Int
    {
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 {
                return count
            }
            if errno != EINTR {
                throw failure("Could not read", path)
            }
        }
    }

    /// Writes all of `bytes`.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(BackupError) {
        var offset = 0
        while offset < bytes.count {
            let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 && errno == EINTR {
                continue
            }
            guard count > 0 else {
                throw failure("Could not write", path)
            }
            offset += count
        }
    }

    /// Flushes a file to the disk (`fsync`), so a later rename never exposes a half-written file after a crash.
    static func sync(_ descriptor: Int32, path: String) throws(BackupError) {
        guard fsync(descriptor) == 0 else {
            throw failure("Could not flush", path)
        }
    }

    /// Flushes a folder's entries to the disk, so a rename inside it survives a crash. Best effort.
    static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Creates a folder with mode 0700; an existing folder is fine unless `mustBeNew`.
    static func makeDirectory(_ path: String, mustBeNew: Bool = false) throws(BackupError) {
        if mkdir(path, 0o700) == 0 {
            return
        }
        var status = stat()
        guard errno == EEXIST, !mustBeNew, lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw failure("Could not create the folder", path)
        }
    }

    /// True when anything (a file, folder or link, even a dangling one) exists at `path`.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Gives the finished file `temporary` its final name `path` without ever replacing a file that appeared at
    /// `path` meanwhile: a hard link plus unlink, or a rename where the file system has no hard links.
    static func publish(_ temporary: String, as path: String) throws(BackupError) {
        if link(temporary, path) == 0 {
            unlink(temporary)
            return
        }
        guard errno != EEXIST else {
            throw BackupError(.fileSystem, "\(path) already exists; it was left untouched.")
        }
        guard !exists(path), rename(temporary, path) == 0 else {
            throw failure("Could not move the finished file to", path)
        }
    }

    /// Removes a file or a folder with everything in it; errors are ignored (used to clean up after a failure).
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The folder part of `path`: `.` for a bare name.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// A `.fileSystem` error for the current `errno`.
    static func failure(_ action: String, _ path: String) -> BackupError {
        let reason = String(cString: strerror(errno))
        return BackupError(.fileSystem, "\(action) \(path): \(reason).")
    }
}
