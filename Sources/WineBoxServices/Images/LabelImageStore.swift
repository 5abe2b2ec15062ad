public import Foundation
import Synchronization
import WineBoxDomain
public import WineBoxSupport

/// The front and back label photos of wines: checks uploads, re-encodes them without metadata, stores them with a
/// thumbnail under generated names, and finds them again for serving.
///
/// - **Accepted by content only.** The first bytes must be a JPEG, PNG, GIF or WebP signature and libvips must
///   decode the whole file with that format's loader; the client's file name and content type are never used.
///   Anything else is refused with 400 "Invalid file content. File does not appear to be a valid image.", an
///   empty upload too, and one over ``maxBytes`` with 413.
/// - **Decompression bombs** are refused from the header, before any pixel is decoded, when width × height is over
///   ``maxPixels`` (40 megapixels by default).
/// - **Re-encoded**: turned upright from the EXIF orientation, scaled down to ``maxLongEdge`` pixels on the long
///   edge (3000 by default: sharp enough to read the small print of a back label, about 1 MB as a JPEG), and
///   written without any metadata, so a phone's GPS position never reaches the disk. JPEG, PNG and WebP keep their
///   format; GIF becomes PNG (first frame). A JPEG thumbnail of ``thumbnailLongEdge`` pixels (400) goes beside it.
/// - **Stored atomically** under `<uuid>.<ext>` and `<uuid>.thumb.jpg` in ``directory`` (0700; files 0600).
/// - The decoding, encoding and disk writes run on the ``WorkerPool`` given to the initialiser, never on Swift's
///   cooperative threads; when its queue is full, uploads fail with 503 rather than pile up. Each job holds the
///   scaled image (at most 3000 × 3000 pixels) and libjpeg's buffers: about 50 MB for a 12-megapixel phone photo,
///   up to about 150 MB for a 40-megapixel progressive JPEG.
/// - **libvips is loaded at the first upload**, on a pool thread (see ``Vips``). Where it is not installed, uploads
///   fail with 503 "Label images cannot be processed: libvips is not installed" and stored images are still served.
public final class LabelImageStore: Sendable {
    /// The folder holding the images, as given.
    public let directory: String
    /// The largest accepted upload in bytes; 10 MiB by default.
    public let maxBytes: Int
    /// The largest accepted image in pixels (width × height); 40 megapixels by default.
    public let maxPixels: Int
    /// Images are scaled down to at most this many pixels on their long edge; 3000 by default.
    public let maxLongEdge: Int
    /// Thumbnails have at most this many pixels on their long edge; 400 by default.
    public let thumbnailLongEdge: Int

    private let pool: WorkerPool
    private let logger: Logger
    private let etags = Mutex<[String: CachedTag]>([:])

    /// The most entity tags kept in memory; the cache starts over when it is full.
    static let maxCachedTags = 10_000

    private struct CachedTag: Sendable {
        let byteCount: Int
        let modified: Date
        let etag: String
    }

    /// Creates the store, and its directory with mode 0700 when missing.
    ///
    /// - Throws: an error when the directory cannot be created.
    public init(
        directory: String, pool: WorkerPool, maxBytes: Int = 10 * 1_048_576, maxPixels: Int = 40_000_000,
        maxLongEdge: Int = 3000, thumbnailLongEdge: Int = 400, logger: Logger = .disabled
    ) throws {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        self.directory = directory
        self.pool = pool
        self.maxBytes = maxBytes
        self.maxPixels = maxPixels
        self.maxLongEdge = maxLongEdge
        self.thumbnailLongEdge = thumbnailLongEdge
        self.logger = logger
    }

    // MARK: Storing

    /// Checks, re-encodes and stores an upload held in memory.
    ///
    /// - Throws: ``WineBoxError`` `.badRequest` (not an image, damaged, over the pixel limit), `.tooLarge` (over
    ///   ``maxBytes``), `.unavailable` (the image workers are busy, or libvips is not installed); or an I/O error
    ///   when the disk write fails.
    public func store(bytes: [UInt8]) async throws -> StoredLabelImage {
        let format = try check(byteCount: bytes.count, header: bytes.prefix(LabelImageFormat.sniffLength))
        return try await runOnPool { store in
            try bytes.withUnsafeBytes { buffer in
                try store.process(.bytes(buffer), format: format)
            }
        }
    }

    /// Like ``store(bytes:)``, for `Data`.
    public func store(data: Data) async throws -> StoredLabelImage {
        try await store(bytes: [UInt8](data))
    }

    /// Checks, re-encodes and stores an upload that was spilled to the file at `path`. The file is only read.
    public func store(fileAt path: String) async throws -> StoredLabelImage {
        try await runOnPool { store in
            let format = try store.check(fileAt: path)
            return try store.process(.file(path: path), format: format)
        }
    }

    // MARK: Reading without storing

    /// Checks an upload held in memory exactly as ``store(bytes:)`` does, but stores nothing: answers the upright
    /// image as a JPEG of at most `longEdge` pixels on its long edge, without metadata (for label reading).
    ///
    /// - Throws: as ``store(bytes:)``.
    public func readableImage(bytes: [UInt8], longEdge: Int) async throws -> [UInt8] {
        let format = try check(byteCount: bytes.count, header: bytes.prefix(LabelImageFormat.sniffLength))
        return try await runOnPool { store in
            try bytes.withUnsafeBytes { buffer in
                try store.readable(.bytes(buffer), format: format, longEdge: longEdge)
            }
        }
    }

    /// Like ``readableImage(bytes:longEdge:)``, for an upload spilled to the file at `path` (only read).
    public func readableImage(fileAt path: String, longEdge: Int) async throws -> [UInt8] {
        try await runOnPool { store in
            let format = try store.check(fileAt: path)
            return try store.readable(.file(path: path), format: format, longEdge: longEdge)
        }
    }

    /// The 400 for content that is not a usable image; the earlier WineBox's exact wording.
    static var invalidContent: WineBoxError {
        WineBoxError(.badRequest, LabelImagePipeline.invalidContentMessage)
    }

    /// The size and signature checks, before any decoding; returns the sniffed format.
    private func check(byteCount: Int, header: some Collection<UInt8>) throws -> LabelImageFormat {
        guard byteCount > 0 else {
            throw Self.invalidContent
        }
        guard byteCount <= maxBytes else {
            let megabytes = String(format: "%.1f", Double(maxBytes) / 1_048_576)
            throw WineBoxError(.tooLarge, "File size exceeds maximum allowed size of \(megabytes) MB")
        }
        guard let format = LabelImageFormat.sniff(header) else {
            throw Self.invalidContent
        }
        return format
    }

    /// The checks of ``check(byteCount:header:)`` for a regular file at `path`; only its first bytes are read.
    private func check(fileAt path: String) throws -> LabelImageFormat {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes, attributes[.type] as? FileAttributeType == .typeRegular,
            let size = (attributes[.size] as? NSNumber)?.intValue
        else {
            throw Self.invalidContent
        }
        let header = FileHandle(forReadingAtPath: path).flatMap { handle in
            defer { try? handle.close() }
            return try? handle.read(upToCount: LabelImageFormat.sniffLength)
        }
        return try check(byteCount: size, header: [UInt8](header ?? Data()))
    }

    /// Runs ``LabelImagePipeline/readable(_:format:limits:longEdge:)``, turning libvips failures into the 400.
    private func readable(_ input: LabelImagePipeline.Input, format: LabelImageFormat, longEdge: Int) throws -> [UInt8]
    {
        try requireVips()
        do {
            return try LabelImagePipeline.readable(input, format: format, limits: limits, longEdge: longEdge)
        } catch let failure as VipsFailure {
            logger.info(
                "Refused an image to read that libvips cannot read",
                [("format", format.rawValue), ("stage", failure.stage.rawValue), ("reason", failure.reason)])
            throw Self.invalidContent
        }
    }

    private var limits: LabelImagePipeline.Limits {
        LabelImagePipeline.Limits(maxPixels: maxPixels, maxLongEdge: maxLongEdge, thumbnailLongEdge: thumbnailLongEdge)
    }

    private func requireVips() throws {
        guard Vips.isAvailable else {
            logger.error(
                "Label images cannot be processed: libvips could not be loaded",
                [("reason", Vips.unavailableReason ?? "unknown")])
            throw Vips.unavailable
        }
    }

    /// Decodes, re-encodes and writes both files. Runs on a pool thread, which also loads libvips the first time.
    private func process(_ input: LabelImagePipeline.Input, format: LabelImageFormat) throws -> StoredLabelImage {
        try requireVips()
        let output: LabelImagePipeline.Output
        do {
            output = try LabelImagePipeline.process(input, format: format, limits: limits)
        } catch let failure as VipsFailure {
            logger.info(
                "Refused an upload that libvips cannot read",
                [("format", format.rawValue), ("stage", failure.stage.rawValue), ("reason", failure.reason)])
            throw Self.invalidContent
        }
        let image = LabelImageName(id: UUID().uuidString.lowercased(), format: output.format)
        let thumbnail = image.thumbnail
        try AtomicFileWriter.write(output.thumbnail, to: thumbnail.fileName, in: directory)
        do {
            try AtomicFileWriter.write(output.image, to: image.fileName, in: directory)
        } catch {
            unlink(path(of: thumbnail))
            throw error
        }
        return StoredLabelImage(
            fileName: image.fileName, thumbnailName: thumbnail.fileName, contentType: output.format.contentType,
            width: output.width, height: output.height, byteCount: output.image.count)
    }

    private func runOnPool<T: Sendable>(
        _ work: @escaping @Sendable (LabelImageStore) throws -> T
    ) async throws -> T {
        do {
            return try await pool.run { [self] in try work(self) }
        } catch let error as WorkerPoolError {
            throw WineBoxError(
                .unavailable, "The server is busy; try again in a moment (\(error))", retryAfterSeconds: 1)
        }
    }

    // MARK: Serving

    /// Whether `fileName` is a name this store generates (an image or a thumbnail). Says nothing about whether
    /// the file exists.
    public static func isValidFileName(_ fileName: String) -> Bool {
        LabelImageName(fileName) != nil
    }

    /// The thumbnail name of the image `fileName`, or nil when `fileName` is not an image name of this store.
    public static func thumbnailName(for fileName: String) -> String? {
        guard let name = LabelImageName(fileName), !name.isThumbnail else {
            return nil
        }
        return name.thumbnail.fileName
    }

    /// The stored image or thumbnail called `fileName`, for serving; nil when the name is not one this store
    /// generates (anything with a path separator, `..`, another extension…) or no such file exists.
    ///
    /// The entity tag is the SHA-256 of the content, computed once per file and modification time.
    public func file(named fileName: String) -> LabelImageFile? {
        guard let name = LabelImageName(fileName) else {
            return nil
        }
        let path = path(of: name)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let size = (attributes[.size] as? NSNumber)?.intValue,
            let modified = attributes[.modificationDate] as? Date
        else {
            return nil
        }
        let etag: String
        if let cached = etags.withLock({ $0[name.fileName] }), cached.byteCount == size, cached.modified == modified {
            etag = cached.etag
        } else {
            guard let data = FileManager.default.contents(atPath: path) else {
                return nil
            }
            etag = "\"" + Hex.encode(Digest.sha256(data)) + "\""
            etags.withLock { cache in
                if cache.count >= Self.maxCachedTags {
                    cache.removeAll(keepingCapacity: true)
                }
                cache[name.fileName] = CachedTag(byteCount: size, modified: modified, etag: etag)
            }
        }
        return LabelImageFile(
            fileName: name.fileName, path: path, contentType: name.contentType, byteCount: size, modified: modified,
            etag: etag)
    }

    // MARK: Removing

    /// Deletes the image `fileName` and its thumbnail (or, given a thumbnail name, just the thumbnail). Missing
    /// files and names this store does not generate are ignored. Returns the names that were deleted.
    @discardableResult
    public func remove(fileName: String) -> [String] {
        guard let name = LabelImageName(fileName) else {
            return []
        }
        let names = name.isThumbnail ? [name] : [name, name.thumbnail]
        let removed = names.filter { unlink(path(of: $0)) == 0 }.map(\.fileName)
        if !removed.isEmpty {
            etags.withLock { cache in
                for fileName in removed {
                    cache[fileName] = nil
                }
            }
        }
        return removed
    }

    /// Deletes images no wine references, with their thumbnails, and stray temporary files, but only those last
    /// modified before `cutoff`, so an upload whose wine is being saved right now is never touched. Files whose
    /// names this store does not generate are left alone.
    ///
    /// - Parameter referenced: every image file name the database refers to (thumbnail names are accepted too).
    /// - Returns: the names of the deleted files, sorted.
    public func removeOrphans(referenced: Set<String>, olderThan cutoff: Date) -> [String] {
        let keep = Set(referenced.compactMap { LabelImageName($0)?.id })
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return []
        }
        var removed: [String] = []
        for entry in entries {
            let isTemporary = entry.hasPrefix(AtomicFileWriter.temporaryPrefix)
            guard isTemporary || LabelImageName(entry).map({ !keep.contains($0.id) }) == true else {
                continue
            }
            let path = directory + "/" + entry
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                let modified = attributes[.modificationDate] as? Date, modified < cutoff
            else {
                continue
            }
            if unlink(path) == 0 {
                removed.append(entry)
            }
        }
        etags.withLock { cache in
            for fileName in removed {
                cache[fileName] = nil
            }
        }
        if !removed.isEmpty {
            logger.info("Removed label images no wine refers to", [("count", String(removed.count))])
        }
        return removed.sorted()
    }

    private func path(of name: LabelImageName) -> String {
        directory + "/" + name.fileName
    }
}
