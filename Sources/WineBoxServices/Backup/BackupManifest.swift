public import Foundation

/// The table of contents of a WineBox backup, stored as `manifest.json`, the archive's first entry.
///
/// ```json
/// {
///   "format_version": 1,
///   "winebox_version": "0.1.0",
///   "schema_version": 2,
///   "instance_id": "5f0c…",
///   "created_at": "2026-12-03T13:56:00Z",
///   "entries": [
///     {"path": "winebox.sqlite3", "size": 204800, "sha256": "9f86d0…"},
///     {"path": "images/1b4e28ba.jpg", "size": 48213, "sha256": "e3b0c4…"}
///   ]
/// }
/// ```
///
/// Every other entry of the archive is listed, in archive order, with its exact size and the SHA-256 of its
/// content, so a restore can prove that what it extracted is what was backed up.
public struct BackupManifest: Sendable, Equatable, Codable {
    /// One file of the archive.
    public struct Entry: Sendable, Equatable, Codable {
        /// The entry's name in the archive, a safe path (``ArchivePath/isSafe(_:)``).
        public let path: String
        /// The content's size in bytes.
        public let size: Int64
        /// The SHA-256 of the content, 64 lower-case hexadecimal digits.
        public let sha256: String

        public init(path: String, size: Int64, sha256: String) {
            self.path = path
            self.size = size
            self.sha256 = sha256
        }
    }

    /// The manifest's entry name, always the archive's first entry.
    public static let fileName = "manifest.json"
    /// The archive format this build writes and the newest it reads.
    public static let currentFormatVersion = 1
    /// The largest manifest a restore reads into memory (16 MiB, room for about 100,000 entries).
    public static let maximumSize = 16 * 1_048_576

    /// The layout of the archive; a restore refuses a format newer than ``currentFormatVersion``.
    public let formatVersion: Int
    /// The WineBox version that wrote the backup (`WineBoxVersion.current`).
    public let wineboxVersion: String
    /// The database's schema version in the backup.
    public let schemaVersion: Int
    /// The installation's id (a lower-case UUID), nil when the database had none.
    public let instanceID: String?
    /// When the backup was made, in whole seconds; written as ISO 8601 in UTC.
    public let createdAt: Date
    /// Every entry after the manifest, in archive order.
    public let entries: [Entry]

    /// Creates a manifest; `createdAt` is rounded down to whole seconds, as it is stored.
    public init(
        formatVersion: Int = currentFormatVersion, wineboxVersion: String, schemaVersion: Int, instanceID: String?,
        createdAt: Date, entries: [Entry]
    ) {
        self.formatVersion = formatVersion
        self.wineboxVersion = wineboxVersion
        self.schemaVersion = schemaVersion
        self.instanceID = instanceID
        self.createdAt = Date(timeIntervalSince1970: createdAt.timeIntervalSince1970.rounded(.down))
        self.entries = entries
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case wineboxVersion = "winebox_version"
        case schemaVersion = "schema_version"
        case instanceID = "instance_id"
        case createdAt = "created_at"
        case entries
    }

    /// The entry called `path`, if listed.
    public func entry(_ path: String) -> Entry? {
        entries.first { $0.path == path }
    }

    /// The total size of all entries, in bytes.
    public var totalSize: Int64 { entries.reduce(0) { $0 + $1.size } }

    /// The manifest as `manifest.json`: pretty-printed JSON with sorted keys, ending in a newline.
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(self) else {
            preconditionFailure("A BackupManifest always encodes as JSON")
        }
        return Array(data) + [UInt8(ascii: "\n")]
    }

    /// Parses and checks `manifest.json`.
    ///
    /// - Throws: ``BackupError`` `.incompatible` for a newer format, `.unreadable` for malformed JSON, a missing
    ///   field or an implausible value, `.unsafeEntry` for an unsafe path, `.mismatch` for a path listed twice.
    public static func decode(_ bytes: [UInt8]) throws(BackupError) -> BackupManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let manifest: BackupManifest
        do {
            manifest = try decoder.decode(BackupManifest.self, from: Data(bytes))
        } catch {
            throw BackupError(.unreadable, "The backup's manifest.json is not a valid WineBox manifest.")
        }
        try manifest.check()
        return manifest
    }

    /// The rules ``decode(_:)`` enforces beyond the JSON shape.
    private func check() throws(BackupError) {
        guard formatVersion <= Self.currentFormatVersion else {
            throw BackupError(
                .incompatible,
                "This backup uses archive format \(formatVersion), written by WineBox \(wineboxVersion); this "
                    + "WineBox reads format \(Self.currentFormatVersion). Restore it with WineBox \(wineboxVersion) "
                    + "or newer.")
        }
        guard formatVersion >= 1, schemaVersion >= 0 else {
            throw BackupError(.unreadable, "The backup's manifest.json holds an impossible version number.")
        }
        var seen: Set<String> = []
        for entry in entries {
            guard ArchivePath.isSafe(entry.path), entry.path != Self.fileName else {
                throw BackupError(
                    .unsafeEntry,
                    "The backup's manifest lists an unsafe entry name \(ArchivePath.printable(entry.path)).")
            }
            guard seen.insert(entry.path).inserted else {
                throw BackupError(.mismatch, "The backup's manifest lists \(entry.path) twice.")
            }
            guard entry.size >= 0, entry.sha256.count == 64,
                entry.sha256.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
            else {
                throw BackupError(
                    .unreadable, "The backup's manifest gives an impossible size or SHA-256 for \(entry.path).")
            }
        }
    }
}
