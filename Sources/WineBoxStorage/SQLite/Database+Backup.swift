extension Database {
    /// How far a ``backup(to:pagesPerStep:progress:)`` has come.
    public struct BackupProgress: Sendable, Equatable {
        /// Pages copied so far.
        public let copiedPages: Int
        /// Pages in the snapshot being copied.
        public let totalPages: Int
        /// Bytes per page (SQLite's `page_size`, 4,096 unless the database was created otherwise).
        public let pageSize: Int

        /// ``copiedPages`` in bytes.
        public var copiedBytes: Int64 { Int64(copiedPages) * Int64(pageSize) }
        /// ``totalPages`` in bytes: the size of the finished copy.
        public var totalBytes: Int64 { Int64(totalPages) * Int64(pageSize) }
    }

    /// Writes one consistent snapshot of the database into a new file at `path`, with SQLite's online backup API.
    ///
    /// The copy runs on a reader connection inside one read transaction, so it holds exactly the transactions that
    /// had committed when it began, and none that commit while it runs. In WAL mode writers (on this ``Database``
    /// or in other processes, such as a running `winebox serve`) carry on while it copies; nothing waits for the
    /// backup except the WAL checkpoint, which cannot shrink the log past the snapshot until the copy ends. The
    /// copy occupies one reader connection for its duration.
    ///
    /// The new file has mode 0600 (it holds password hashes) and is a complete database on its own, with no
    /// `-wal` file: open it with ``Database`` or check it with ``inspectFile(at:migrations:)``.
    ///
    /// - Parameters:
    ///   - path: Where to create the copy. The file must not exist; its directory must.
    ///   - pagesPerStep: Pages copied between two calls of `progress`; default 1,024 (4 MiB at the default page
    ///     size). Must be positive.
    ///   - progress: Called on the database queue after each step; keep it short and never call back into this
    ///     database from it.
    /// - Returns: What was copied: size, schema version and instance id, all read from the same snapshot.
    /// - Throws: ``StorageError``: `.cannotOpen` when `path` exists or cannot be created, `.closed` after
    ///   ``close()``, or what SQLite reports (`.full`, `.ioError`, …). A failed copy leaves no file behind.
    public func backup(
        to path: String, pagesPerStep: Int = 1_024,
        progress: @escaping @Sendable (BackupProgress) -> Void = { _ in }
    ) async throws -> DatabaseSnapshot {
        precondition(pagesPerStep > 0, "pagesPerStep must be positive")
        let step = Int32(clamping: pagesPerStep)
        return try await read { connection in
            // The first read fixes the transaction's snapshot; every backup step below reads that same snapshot.
            let schemaVersion = try Migrator.recordedVersion(connection)
            let instanceID = try Self.instanceRow(connection)?.instanceID
            guard case .integer(let pageSize)? = try connection.scalar("PRAGMA page_size") else {
                throw StorageError(.other, "SQLite did not report the database's page size.")
            }

            let pageCount = try OnlineBackup.copy(from: connection, to: path, pagesPerStep: step) { copied, total in
                progress(BackupProgress(copiedPages: copied, totalPages: total, pageSize: Int(pageSize)))
            }
            return DatabaseSnapshot(
                path: path, byteCount: Int64(pageCount) * pageSize, schemaVersion: schemaVersion,
                instanceID: instanceID)
        }
    }
}
