import Foundation
import WineBoxSupport

/// Reads a WineBox backup archive, proves every entry against its manifest, and extracts the entries into a new
/// folder.
///
/// **What is refused.** An archive that does not start with `manifest.json`; a manifest that is malformed or
/// from a newer format; an entry whose name is unsafe (absolute, `..`, anything but ``ArchivePath/isSafe(_:)``);
/// an entry that is not a regular file (a symbolic or hard link, a folder, a device, a FIFO); an entry the
/// manifest does not list, one it lists twice, or one whose size or SHA-256 differs; a listed entry that is
/// missing; a damaged or truncated file.
///
/// **What is written.** Nothing outside `directory`: it is created new (mode 0700), files inside it are created
/// new (mode 0600, never through a link) and flushed to disk. When anything is refused or fails, `directory` is
/// removed with everything in it, so a failed extraction leaves no trace.
///
/// Blocks the calling thread for the whole read: call it off Swift's cooperative pool.
public enum BackupArchiveReader {
    /// Reads the archive at `path` and extracts it into `directory`.
    ///
    /// - Parameters:
    ///   - path: The archive (a symbolic link to it is followed).
    ///   - directory: A folder to create for the extracted files; it must not exist, its parent must.
    ///   - validate: Called with the manifest as soon as it is read, before anything is extracted; throw to refuse
    ///     the archive (for example a schema version this build does not know).
    ///   - progress: Called during ``BackupProgress/Stage/extracting`` on the calling thread.
    /// - Returns: The archive with its verified manifest.
    /// - Throws: ``BackupError`` (see the type's description), or whatever `validate` throws.
    public static func extract(
        archiveAt path: String, into directory: String,
        validate: (BackupManifest) throws(BackupError) -> Void = { _ in },
        progress: (BackupProgress) -> Void = { _ in }
    ) throws(BackupError) -> BackupArchive {
        let (descriptor, archiveSize) = try BackupFiles.openForReading(path, followLinks: true)
        defer { close(descriptor) }
        try BackupFiles.makeDirectory(directory, mustBeNew: true)
        do {
            let reader = try ArchiveReader(descriptor: descriptor, path: path)
            let manifest = try readManifest(reader, path: path)
            try validate(manifest)
            try extractEntries(reader, manifest: manifest, into: directory, progress: progress)
            BackupFiles.syncDirectory(directory)
            return BackupArchive(path: path, byteCount: archiveSize, manifest: manifest)
        } catch {
            BackupFiles.remove(directory)
            throw error
        }
    }

    /// The first entry, which must be the manifest.
    private static func readManifest(_ reader: ArchiveReader, path: String) throws(BackupError) -> BackupManifest {
        guard let header = try reader.nextEntry() else {
            throw BackupError(.unreadable, "\(path) is empty; it is not a WineBox backup.")
        }
        guard header.name == BackupManifest.fileName, header.isRegularFile else {
            throw BackupError(.unreadable, "\(path) does not start with manifest.json; it is not a WineBox backup.")
        }
        var bytes: [UInt8] = []
        try readEntry(reader) { chunk throws(BackupError) in
            guard bytes.count + chunk.count <= BackupManifest.maximumSize else {
                throw BackupError(.unreadable, "The manifest.json in \(path) is implausibly large.")
            }
            bytes.append(contentsOf: chunk)
        }
        return try BackupManifest.decode(bytes)
    }

    /// Every entry after the manifest, checked and written below `directory`.
    private static func extractEntries(
        _ reader: ArchiveReader, manifest: BackupManifest, into directory: String,
        progress: (BackupProgress) -> Void
    ) throws(BackupError) {
        let expected = Dictionary(uniqueKeysWithValues: manifest.entries.map { ($0.path, $0) })
        var extracted: Set<String> = []
        var done: Int64 = 0
        let total = manifest.totalSize
        while let header = try reader.nextEntry() {
            let name = ArchivePath.printable(header.name)
            guard ArchivePath.isSafe(header.name) else {
                throw BackupError(.unsafeEntry, "The backup holds an entry with an unsafe name, \(name); refused.")
            }
            guard header.isRegularFile else {
                throw BackupError(
                    .unsafeEntry, "The backup's entry \(name) is a link, folder or device, not a file; refused.")
            }
            guard let entry = expected[header.name] else {
                throw BackupError(.mismatch, "The backup holds an entry its manifest does not list: \(name).")
            }
            guard extracted.insert(header.name).inserted else {
                throw BackupError(.mismatch, "The backup holds the entry \(name) twice.")
            }
            if let size = header.size, size != entry.size {
                throw mismatch(entry, "a different size")
            }
            try extract(reader, entry, into: directory) { count in
                done += Int64(count)
                progress(
                    .init(
                        stage: .extracting, files: extracted.count - 1, totalFiles: manifest.entries.count,
                        bytes: done, totalBytes: total))
            }
            progress(
                .init(
                    stage: .extracting, files: extracted.count, totalFiles: manifest.entries.count, bytes: done,
                    totalBytes: total))
        }
        if let missing = manifest.entries.first(where: { !extracted.contains($0.path) }) {
            throw BackupError(
                .mismatch,
                "The backup lacks \(missing.path), which its manifest lists; it is incomplete or was changed.")
        }
    }

    /// Writes one entry to `directory/entry.path`, checking its size and SHA-256 as it goes.
    private static func extract(
        _ reader: ArchiveReader, _ entry: BackupManifest.Entry, into directory: String, onChunk: (Int) -> Void
    ) throws(BackupError) {
        let components = entry.path.split(separator: "/").map(String.init)
        var folder = directory
        for component in components.dropLast() {
            folder += "/" + component
            try BackupFiles.makeDirectory(folder)
        }
        let target = directory + "/" + entry.path
        let descriptor = try BackupFiles.createNew(target)
        defer { close(descriptor) }

        let hasher = SHA256Hasher()
        var size: Int64 = 0
        try readEntry(reader) { chunk throws(BackupError) in
            size += Int64(chunk.count)
            guard size <= entry.size else {
                throw mismatch(entry, "more bytes than listed")
            }
            hasher.update(chunk)
            try BackupFiles.writeAll(descriptor, chunk, path: target)
            onChunk(chunk.count)
        }
        guard size == entry.size else {
            throw mismatch(entry, "fewer bytes than listed")
        }
        guard Hex.encode(hasher.finish()) == entry.sha256 else {
            throw mismatch(entry, "a different SHA-256")
        }
        try BackupFiles.sync(descriptor, path: target)
    }

    /// Hands the current entry's bytes to `body`, chunk by chunk.
    private static func readEntry(_ reader: ArchiveReader, _ body: (UnsafeRawBufferPointer) throws(BackupError) -> Void)
        throws(BackupError)
    {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: BackupFiles.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = try reader.read(into: buffer)
            if count == 0 {
                return
            }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    private static func mismatch(_ entry: BackupManifest.Entry, _ reason: String) -> BackupError {
        BackupError(
            .mismatch,
            "The backup's entry \(entry.path) does not match the manifest (\(reason)); the archive was changed or "
                + "damaged.")
    }
}
