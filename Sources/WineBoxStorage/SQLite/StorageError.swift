/// The one error type WineBoxStorage throws (apart from errors thrown by the caller's own closures, which
/// `Database.read`/`write` rethrow unchanged).
///
/// - ``code`` says what kind of failure it is. It is an extensible struct, not an enum, so new codes never break a
///   caller's `switch`.
/// - ``sqliteResultCode`` is SQLite's *extended* result code (for example 2067 for `SQLITE_CONSTRAINT_UNIQUE`) when
///   the failure came from SQLite, otherwise nil.
/// - ``message`` is safe to log: it comes from `sqlite3_errmsg` or from this module and never contains bound
///   argument values. SQLite's own messages may name tables, columns and constraint expressions.
/// - ``sql`` is the statement text, kept for debugging and left out of ``description``. Statements use `?`
///   parameters, so the text holds no user data as long as callers never interpolate values into SQL.
///
/// Catch by code:
///
/// ```swift
/// do {
///     try await database.write { try $0.execute("INSERT INTO user (email) VALUES (?)", [.text(email)]) }
/// } catch let error as StorageError where error.isUniqueConstraintViolation {
///     // answer 409
/// }
/// ```
public struct StorageError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure a ``StorageError`` is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case busy
            case constraint
            case notFound
            case corrupt
            case ioError
            case full
            case readOnly
            case cannotOpen
            case schemaTooNew
            case schemaMismatch
            case migrationFailed
            case misuse
            case closed
            case typeMismatch
            case columnNotFound
            case sqlError
            case configuration
            case other
        }

        private let kind: Kind

        private init(_ kind: Kind) {
            self.kind = kind
        }

        /// The database stayed locked for longer than the busy timeout (`SQLITE_BUSY`, `SQLITE_LOCKED`). Retrying
        /// later may succeed.
        public static let busy = Code(.busy)
        /// A UNIQUE, PRIMARY KEY, FOREIGN KEY, NOT NULL, CHECK or STRICT type constraint rejected the change
        /// (`SQLITE_CONSTRAINT`). See the `is…Violation` helpers on ``StorageError``.
        public static let constraint = Code(.constraint)
        /// A row the caller required does not exist.
        public static let notFound = Code(.notFound)
        /// The file is damaged or is not a database (`SQLITE_CORRUPT`, `SQLITE_NOTADB`). Restore a backup.
        public static let corrupt = Code(.corrupt)
        /// The operating system reported an I/O error (`SQLITE_IOERR`, `SQLITE_PERM`, `SQLITE_PROTOCOL`).
        public static let ioError = Code(.ioError)
        /// The disk or the database's size limit is full (`SQLITE_FULL`, `SQLITE_TOOBIG`).
        public static let full = Code(.full)
        /// A write was attempted through a read-only connection or inside `Database.read` (`SQLITE_READONLY`).
        public static let readOnly = Code(.readOnly)
        /// The database file could not be opened or created (`SQLITE_CANTOPEN`).
        public static let cannotOpen = Code(.cannotOpen)
        /// The database was written by a newer WineBox: it records a schema version this build does not know.
        public static let schemaTooNew = Code(.schemaTooNew)
        /// The recorded migrations do not match this build's migrations (a different name or a gap).
        public static let schemaMismatch = Code(.schemaMismatch)
        /// A migration failed; its transaction was rolled back and the database stays at the previous version.
        public static let migrationFailed = Code(.migrationFailed)
        /// The API was used wrongly in a way that is reported rather than trapped (wrong argument count, more than
        /// one statement in a prepared statement, a closure that ended its own transaction).
        public static let misuse = Code(.misuse)
        /// The ``Database`` was closed; it accepts no further reads or writes.
        public static let closed = Code(.closed)
        /// A ``Row`` getter found a value of another storage class (or NULL where a value was required).
        public static let typeMismatch = Code(.typeMismatch)
        /// A ``Row`` getter named a column the row does not have, or an index out of range.
        public static let columnNotFound = Code(.columnNotFound)
        /// SQLite rejected the SQL itself (`SQLITE_ERROR`: syntax error, no such table or column, …).
        public static let sqlError = Code(.sqlError)
        /// A connection setting (WAL, foreign keys, …) could not be applied.
        public static let configuration = Code(.configuration)
        /// Anything else (`SQLITE_NOMEM`, `SQLITE_INTERRUPT`, `SQLITE_SCHEMA`, …).
        public static let other = Code(.other)

        /// The code's name, for example `constraint`.
        public var description: String { kind.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// SQLite's extended result code when the failure came from SQLite, otherwise nil.
    public var sqliteResultCode: Int32?
    /// A human-readable explanation that is safe to log (never contains bound values).
    public var message: String
    /// The SQL statement text involved, if any. Not part of ``description``.
    public var sql: String?
    /// The error that caused this one, for example the error a failing migration threw.
    public var underlying: (any Error)?

    /// Creates an error that did not come from a SQLite result code.
    public init(_ code: Code, _ message: String, sql: String? = nil, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
        self.underlying = underlying
        self.sqliteResultCode = nil
    }

    init(_ code: Code, _ message: String, sqliteResultCode: Int32, sql: String?) {
        self.code = code
        self.message = message
        self.sql = sql
        self.underlying = nil
        self.sqliteResultCode = sqliteResultCode
    }

    /// `StorageError(<code>, SQLite <extended code>): <message>`. Contains neither SQL nor bound values.
    public var description: String {
        if let sqliteResultCode {
            return "StorageError(\(code), SQLite \(sqliteResultCode)): \(message)"
        }
        return "StorageError(\(code)): \(message)"
    }

    /// True when a UNIQUE or PRIMARY KEY constraint rejected the change (for example a duplicate email).
    public var isUniqueConstraintViolation: Bool {
        sqliteResultCode == SQLiteResultCode.constraintUnique
            || sqliteResultCode == SQLiteResultCode.constraintPrimaryKey
    }

    /// True when a FOREIGN KEY constraint rejected the change.
    public var isForeignKeyViolation: Bool {
        sqliteResultCode == SQLiteResultCode.constraintForeignKey
    }

    /// True when a NOT NULL constraint rejected the change.
    public var isNotNullConstraintViolation: Bool {
        sqliteResultCode == SQLiteResultCode.constraintNotNull
    }

    /// True when a CHECK constraint rejected the change.
    public var isCheckConstraintViolation: Bool {
        sqliteResultCode == SQLiteResultCode.constraintCheck
    }

    /// True when the failure is transient lock contention; the operation may succeed if retried.
    public var isBusy: Bool { code == .busy }
}
