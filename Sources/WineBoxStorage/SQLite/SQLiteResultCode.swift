internal import CSQLite

/// The one funnel through which every SQLite result code becomes either success, a thrown ``StorageError``, or a
/// trap.
///
/// - Codes that prove a bug in this module (`SQLITE_MISUSE`: a finalized statement or closed handle was used;
///   `SQLITE_RANGE`: a parameter index outside the statement, which `Statement` checks beforehand) trap with
///   `preconditionFailure`. Continuing after API misuse could corrupt memory, and there is nothing a caller
///   could do about it.
/// - Everything environmental (busy, I/O, full disk, constraint, corrupt file, bad SQL, …) is thrown.
///
/// Connections are opened with `SQLITE_OPEN_EXRESCODE`, so codes arrive in their extended form; the low byte is the
/// primary code.
enum SQLiteResultCode {
    // Extended constraint codes. sqlite3.h defines them as `(SQLITE_CONSTRAINT | (n<<8))`, a macro shape the Swift
    // importer does not import, so they are spelled out here (values from https://sqlite.org/rescode.html).
    static let constraintCheck: Int32 = 275
    static let constraintForeignKey: Int32 = 787
    static let constraintNotNull: Int32 = 1299
    static let constraintPrimaryKey: Int32 = 1555
    static let constraintUnique: Int32 = 2067

    /// Returns normally for `SQLITE_OK`, `SQLITE_ROW` and `SQLITE_DONE`; otherwise throws (or traps, see above).
    ///
    /// - Parameters:
    ///   - resultCode: The value a `sqlite3_…` function returned.
    ///   - handle: The connection the call was made on, used to read `sqlite3_errmsg`; nil if there is none.
    ///   - sql: The statement text, attached to the error for debugging (never shown in its description).
    static func check(_ resultCode: Int32, handle: OpaquePointer?, sql: String? = nil) throws(StorageError) {
        switch resultCode {
        case SQLITE_OK, SQLITE_ROW, SQLITE_DONE:
            return
        default:
            throw error(for: resultCode, handle: handle, sql: sql)
        }
    }

    /// Builds the ``StorageError`` for a failing result code (traps for codes that prove a programmer bug).
    static func error(for resultCode: Int32, handle: OpaquePointer?, sql: String?) -> StorageError {
        let primary = resultCode & 0xFF
        let message = Self.message(for: resultCode, handle: handle)
        if primary == SQLITE_MISUSE || primary == SQLITE_RANGE {
            preconditionFailure("SQLite reported API misuse (result code \(resultCode): \(message)). This is a bug.")
        }
        return StorageError(code(forPrimary: primary), message, sqliteResultCode: resultCode, sql: sql)
    }

    private static func code(forPrimary primary: Int32) -> StorageError.Code {
        switch primary {
        case SQLITE_BUSY, SQLITE_LOCKED:
            return .busy
        case SQLITE_CONSTRAINT:
            return .constraint
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            return .corrupt
        case SQLITE_IOERR, SQLITE_PERM, SQLITE_PROTOCOL:
            return .ioError
        case SQLITE_FULL, SQLITE_TOOBIG:
            return .full
        case SQLITE_READONLY:
            return .readOnly
        case SQLITE_CANTOPEN:
            return .cannotOpen
        case SQLITE_MISMATCH:
            return .typeMismatch
        case SQLITE_ERROR:
            return .sqlError
        case SQLITE_NOTFOUND:
            return .notFound
        default:
            return .other
        }
    }

    /// The connection's error message when it describes this failure, otherwise SQLite's generic text for the code.
    /// Neither ever contains bound values.
    private static func message(for resultCode: Int32, handle: OpaquePointer?) -> String {
        if let handle, sqlite3_extended_errcode(handle) == resultCode, let text = sqlite3_errmsg(handle) {
            return String(cString: text)
        }
        if let text = sqlite3_errstr(resultCode) {
            return String(cString: text)
        }
        return "SQLite result code \(resultCode)"
    }
}
