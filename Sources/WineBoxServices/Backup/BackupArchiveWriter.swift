public import Foundation
import WineBoxSupport

/// Writes a WineBox backup archive: `manifest.json` first, then the given files in order, as one gzip-compressed
/// tar file.
///
/// **Two passes.** The manifest must come first yet list every file's size and SHA-256, so each file is read
/// twice: once to measure and hash it, once to copy it into the archive, hashing again. A file that changed in
/// between fails the backup with `.sourceChanged` rather than producing an archive that contradicts its
/// manifest.
///
/// **Safe output.** The archive is written to a hidden temporary file beside `output` (mode 0600: backups hold
/// password hashes), flushed to disk, and only then given its final name; an existing file at `output` is never
/// replaced. On failure the temporary file is removed and `output` does not exist.
///
/// Blocks the calling thread for the whole write: call it off Swift's cooperative pool.
public enum BackupArchiveWriter {
    /// One file to store: its name in the archive and where to read it.
    public struct Item: Sendable, Equatable {
        /// The entry name, a safe path (``ArchivePath/isSafe(_:)``) other than `manifest.json`.
        public let path: String
        /// The file to read. Symbolic links are not followed.
        public let sourcePath: String

        public init(path: String, sourcePath: String) {
            self.path = path
            self.sourcePath = sourcePath
        }
    }

    /// Writes the archive.
    ///
    /// - Parameters:
    ///   - output: The archive to create; it must not exist, and its folder must.
    ///   - schemaVersion, instanceID, createdAt: Recorded in the manifest with ``WineBoxVersion/current``.
    ///   - items: The files, in archive order; names must be safe and distinct.
    ///   - progress: Called during ``BackupProgress/Stage/checkingFiles`` and
    ///     ``BackupProgress/Stage/writingArchive``, on the calling thread.
    /// - Throws: ``BackupError``: `.fileSystem` (output exists, unreadable source, full disk…), `.sourceChanged`,
    ///   `.unsafeEntry` for a bad item name, `.unavailable` when libarchive cannot be loaded.
    public static func write(
        to output: String, schemaVersion: Int, instanceID: String?, createdAt: Date, items: [Item],
        progress: (BackupProgress) -> Void = { _ in }
    ) throws(BackupError) -> BackupArchive {
        for item in items where !ArchivePath.isSafe(item.path) || item.path == BackupManifest.fileName {
            throw BackupError(.unsafeEntry, "\(ArchivePath.printable(item.path)) cannot be stored in a backup.")
        }
        guard Set(items.map(\.path)).count == items.count else {
            throw BackupError(.unsafeEntry, "The same entry name was given twice.")
        }
        guard !BackupFiles.exists(output) else {
            throw BackupError(.fileSystem, "\(output) already exists; choose another name or move it away.")
        }
        // Before the first pass reads every file, not after.
        try ArchiveLibrary.load()

        let entries = try measure(items, progress: progress)
        let manifest = BackupManifest(
            wineboxVersion: WineBoxVersion.current, schemaVersion: schemaVersion, instanceID: instanceID,
            createdAt: createdAt, entries: entries)

        let name = output.split(separator: "/").last.map(String.init) ?? "backup"
        let temporary = BackupFiles.directory(of: output) + "/.\(name).\(SecureRandom.hexString(byteCount: 6)).tmp"
        let descriptor = try BackupFiles.createNew(temporary)
        do {
            try writeArchive(descriptor, temporary, manifest: manifest, items: items, progress: progress)
            try BackupFiles.sync(descriptor, path: temporary)
            close(descriptor)
        } catch {
            close(descriptor)
            BackupFiles.remove(temporary)
            throw error
        }
        do {
            try BackupFiles.publish(temporary, as: output)
        } catch {
            BackupFiles.remove(temporary)
            throw error
        }
        BackupFiles.syncDirectory(BackupFiles.directory(of: output))

        let (finished, size) = try BackupFiles.openForReading(output, followLinks: false)
        close(finished)
        return BackupArchive(path: output, byteCount: size, manifest: manifest)
    }

    /// The first pass: each file's size and SHA-256.
    private static func measure(_ items: [Item], progress: (BackupProgress) -> Void) throws(BackupError)
        -> [BackupManifest.Entry]
    {
        var total: Int64 = 0
        for item in items {
            total += try size(of: item.sourcePath)
        }
        var entries: [BackupManifest.Entry] = []
        var done: Int64 = 0
        func report() {
            let files = entries.count
            progress(
                .init(stage: .checkingFiles, files: files, totalFiles: items.count, bytes: done, totalBytes: total))
        }

        for item in items {
            let (size, digest) = try copy(
                item.sourcePath, into: { _ throws(BackupError) in },
                onChunk: { count in
                    done += Int64(count)
                    report()
                })
            entries.append(BackupManifest.Entry(path: item.path, size: size, sha256: digest))
            report()
        }
        return entries
    }

    /// The second pass: the archive itself.
    private static func writeArchive(
        _ descriptor: Int32, _ path: String, manifest: BackupManifest, items: [Item],
        progress: (BackupProgress) -> Void
    ) throws(BackupError) {
        let writer = try ArchiveWriter(descriptor: descriptor, path: path)
        let manifestBytes = manifest.encoded()
        try writer.beginEntry(BackupManifest.fileName, size: Int64(manifestBytes.count), modified: manifest.createdAt)
        try manifestBytes.withUnsafeBytes { bytes in
            Result { () throws(BackupError) in try writer.write(bytes) }
        }.get()

        var filesDone = 0
        var bytesDone: Int64 = 0
        func report() {
            progress(
                .init(
                    stage: .writingArchive, files: filesDone, totalFiles: items.count, bytes: bytesDone,
                    totalBytes: manifest.totalSize))
        }
        for (item, entry) in zip(items, manifest.entries) {
            try writer.beginEntry(item.path, size: entry.size, modified: manifest.createdAt)
            var written: Int64 = 0
            let (size, digest) = try copy(item.sourcePath) { bytes throws(BackupError) in
                written += Int64(bytes.count)
                guard written <= entry.size else {
                    throw changed(item)
                }
                try writer.write(bytes)
            } onChunk: { count in
                bytesDone += Int64(count)
                report()
            }
            guard size == entry.size, digest == entry.sha256 else {
                throw changed(item)
            }
            filesDone += 1
            report()
        }
        try writer.close()
    }

    /// Reads a file from start to end in chunks, handing each to `body`, and returns its size and SHA-256.
    private static func copy(
        _ path: String, into body: (UnsafeRawBufferPointer) throws(BackupError) -> Void, onChunk: (Int) -> Void
    ) throws(BackupError) -> (Int64, String) {
        let (descriptor, _) = try BackupFiles.openForReading(path, followLinks: false)
        defer { close(descriptor) }
        let hasher = SHA256Hasher()
        var size: Int64 = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: BackupFiles.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = try BackupFiles.readChunk(descriptor, into: buffer, path: path)
            if count == 0 {
                break
            }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            hasher.update(chunk)
            try body(chunk)
            size += Int64(count)
            onChunk(count)
        }
        return (size, Hex.encode(hasher.finish()))
    }

    private static func size(of path: String) throws(BackupError) -> Int64 {
        let (descriptor, size) = try BackupFiles.openForReading(path, followLinks: false)
        close(descriptor)
        return size
    }

    private static func changed(_ item: Item) -> BackupError {
        BackupError(
            .sourceChanged,
            "\(item.sourcePath) changed while the backup was reading it; run the backup again.")
    }
}
