internal import CSQLite

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Copies a database page by page into a new file with SQLite's online backup API
/// (https://sqlite.org/backup.html): `sqlite3_backup_init`, `_step` and `_finish`.
///
/// The copy is consistent when the source connection holds a read transaction for the whole copy, as
/// ``Database/backup(to:pagesPerStep:progress:)`` arranges: every step then reads the same WAL snapshot, and
/// writers on other connections carry on undisturbed. Without such a transaction SQLite would restart the copy
/// whenever another connection writes.
///
/// The destination is a fresh file with mode 0600, opened on a private connection that lives only for the copy.
/// It keeps the source's page size and header, so a copy of a WAL database is a WAL database again (with no
/// `-wal` file beside it once the copy is closed).
enum OnlineBackup {
    /// Copies the `main` database of `source` into a new file at `destination`.
    ///
    /// Blocks the calling thread for the whole copy; runs on the source connection's queue.
    ///
    /// - Parameters:
    ///   - pagesPerStep: Pages copied per `sqlite3_backup_step` call, at least 1; `progress` runs after each step.
    ///   - progress: Receives the pages copied so far and the total.
    /// - Returns: The number of pages copied.
    /// - Throws: ``StorageError``: `.cannotOpen` when `destination` already exists or cannot be created, or the
    ///   error SQLite reports. The destination file is removed when the copy fails.
    static func copy(
        from source: Connection, to destination: String, pagesPerStep: Int32,
        progress: (_ copied: Int, _ total: Int) -> Void
    ) throws(StorageError) -> Int {
        precondition(pagesPerStep > 0, "pagesPerStep must be positive")
        try createEmptyFile(destination)

        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let openCode = sqlite3_open_v2(destination, &handle, flags, nil)
        guard let handle else {
            removeFiles(destination)
            throw StorageError(.other, "SQLite could not allocate a connection for \(destination).")
        }
        let outcome = runCopy(
            openCode: openCode, from: source, into: handle, pagesPerStep: pagesPerStep, progress: progress)
        let closeCode = sqlite3_close(handle)
        switch outcome {
        case .success(let pageCount) where closeCode == SQLITE_OK:
            return pageCount
        case .success:
            removeFiles(destination)
            throw StorageError(.ioError, "Could not close the backup copy at \(destination).")
        case .failure(var error):
            removeFiles(destination)
            error.message = "Could not copy the database to \(destination): \(error.message)"
            throw error
        }
    }

    /// The copy itself, on an open destination handle; the caller closes the handle whatever happens.
    private static func runCopy(
        openCode: Int32, from source: Connection, into destination: OpaquePointer, pagesPerStep: Int32,
        progress: (Int, Int) -> Void
    ) -> Result<Int, StorageError> {
        Result { () throws(StorageError) -> Int in
            try SQLiteResultCode.check(openCode, handle: destination)
            let backup = try source.withHandle { sourceHandle throws(StorageError) -> OpaquePointer in
                guard let backup = sqlite3_backup_init(destination, "main", sourceHandle, "main") else {
                    throw SQLiteResultCode.error(
                        for: sqlite3_extended_errcode(destination), handle: destination, sql: nil)
                }
                return backup
            }
            var stepCode = SQLITE_OK
            while stepCode == SQLITE_OK {
                stepCode = sqlite3_backup_step(backup, pagesPerStep)
                let total = Int(sqlite3_backup_pagecount(backup))
                if stepCode == SQLITE_OK || stepCode == SQLITE_DONE {
                    progress(total - Int(sqlite3_backup_remaining(backup)), total)
                }
            }
            let pageCount = Int(sqlite3_backup_pagecount(backup))
            let finishCode = sqlite3_backup_finish(backup)
            if stepCode != SQLITE_DONE {
                throw SQLiteResultCode.error(for: stepCode, handle: destination, sql: nil)
            }
            try SQLiteResultCode.check(finishCode, handle: destination)
            return pageCount
        }
    }

    /// Creates `path` as a new, empty file with mode 0600; refuses to reuse an existing file.
    private static func createEmptyFile(_ path: String) throws(StorageError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw StorageError(.cannotOpen, "Could not create the backup copy \(path): \(reason).")
        }
        fchmod(descriptor, 0o600)
        close(descriptor)
    }

    /// Removes a failed copy and any journal SQLite left beside it.
    private static func removeFiles(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            unlink(path + suffix)
        }
    }
}
