/// Why a backup could not be written or restored, in words safe to show to the person running the command.
///
/// Messages name files and archive entries but never their contents. Entry names from an archive are shown with
/// control characters replaced (see ``ArchivePath/printable(_:)``), so a hostile archive cannot write to the
/// terminal.
public struct BackupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure. A struct rather than an enum, so new codes never break exhaustive switches.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let description: String

        /// The file is not a WineBox backup, or it is damaged or truncated (libarchive cannot read it, or the
        /// manifest is missing or malformed).
        public static let unreadable = Code(description: "unreadable")
        /// The archive's entries disagree with its manifest: a size or SHA-256 differs, an entry is missing, extra
        /// or repeated. Someone changed the archive, or it was damaged in a way gzip did not notice.
        public static let mismatch = Code(description: "mismatch")
        /// An entry could write outside the target or is not a plain file: an absolute name, `..`, a link, a
        /// device.
        public static let unsafeEntry = Code(description: "unsafe_entry")
        /// The backup comes from a newer WineBox: a newer archive format or a newer database schema.
        public static let incompatible = Code(description: "incompatible")
        /// The restore target already holds WineBox data.
        public static let targetNotEmpty = Code(description: "target_not_empty")
        /// There is nothing to back up: no database in the data directory.
        public static let notFound = Code(description: "not_found")
        /// A file changed while the backup read it, so the archive would not match its manifest. Run it again.
        public static let sourceChanged = Code(description: "source_changed")
        /// The database in the backup fails SQLite's integrity check.
        public static let damagedDatabase = Code(description: "damaged_database")
        /// The file system refused: a missing directory, no permission, a full disk, an existing output file.
        public static let fileSystem = Code(description: "file_system")
        /// libarchive, which writes and reads the archives, is not installed or could not be loaded.
        public static let unavailable = Code(description: "unavailable")
    }

    public let code: Code
    /// A message safe to show and to log: paths and entry names, never file contents.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
