import Foundation
import WineBoxSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Writes files so that a reader sees either nothing or the whole file: the bytes go to a temporary file in the
/// same directory (mode 0600), which is flushed to disk (`fsync`) and then renamed into place; the directory is
/// flushed too, so the new name survives a power failure.
enum AtomicFileWriter {
    /// The prefix of temporary files; names that start with it are never served and are swept when stale.
    static let temporaryPrefix = ".upload-"

    /// A fresh temporary file name (no directory).
    static func temporaryName() -> String {
        temporaryPrefix + Hex.encode(SecureRandom.bytes(count: 12)) + ".tmp"
    }

    /// Writes `bytes` to `directory/name`. The names WineBox writes are fresh random UUIDs, so nothing is replaced.
    static func write(_ bytes: [UInt8], to name: String, in directory: String) throws {
        let temporaryPath = directory + "/" + temporaryName()
        let finalPath = directory + "/" + name
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw FileWriteError(operation: "create", path: temporaryPath, code: errno)
        }
        var succeeded = false
        defer {
            if !succeeded {
                unlink(temporaryPath)
            }
        }
        do {
            defer { close(descriptor) }
            try writeAll(bytes, to: descriptor, path: temporaryPath)
            guard fsync(descriptor) == 0 else {
                throw FileWriteError(operation: "fsync", path: temporaryPath, code: errno)
            }
        }
        guard rename(temporaryPath, finalPath) == 0 else {
            throw FileWriteError(operation: "rename", path: finalPath, code: errno)
        }
        succeeded = true
        syncDirectory(directory)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR {
                    continue
                }
                throw FileWriteError(operation: "write", path: path, code: errno)
            }
            offset += written
        }
    }

    /// Flushes the directory entry; failures are ignored (some file systems do not support it).
    static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 {
            _ = fsync(descriptor)
            close(descriptor)
        }
    }
}

/// A file could not be written; the text names the operation, the path and the system's reason.
struct FileWriteError: Error, Sendable, CustomStringConvertible {
    let operation: String
    let path: String
    let code: Int32

    var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
}
