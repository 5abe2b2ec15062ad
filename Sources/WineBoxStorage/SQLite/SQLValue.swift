/// A value as SQLite stores it: one of its five storage classes.
///
/// `SQLValue` is what statements take as arguments and what ``Row`` holds. Literals convert directly, so argument
/// lists read naturally:
///
/// ```swift
/// try connection.execute("INSERT INTO wine (name, vintage, note) VALUES (?, ?, ?)", ["Margaux", 2015, nil])
/// ```
///
/// Booleans are stored as the integers 0 and 1, which is what SQLite itself does. Text is UTF-8 and may contain
/// NUL characters; blobs are raw bytes. A `Double.nan` bound as `.real` is stored by SQLite as NULL.
///
/// - Important: A value's `description` (the default `String(describing:)`) shows its contents. Bound values can be
///   personal data, so never log them; ``StorageError`` messages deliberately never include them.
public enum SQLValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// A 64-bit signed integer (SQLite INTEGER).
    case integer(Int64)
    /// An IEEE 754 double (SQLite REAL).
    case real(Double)
    /// UTF-8 text (SQLite TEXT).
    case text(String)
    /// Raw bytes (SQLite BLOB). An empty array is an empty blob, not NULL.
    case blob([UInt8])

    /// Creates an integer value from a platform `Int`.
    public init(_ value: Int) {
        self = .integer(Int64(value))
    }

    /// Creates the integer 1 for `true` and 0 for `false`.
    public init(_ value: Bool) {
        self = .integer(value ? 1 : 0)
    }

    /// Creates a text value, or `.null` when `value` is nil.
    public init(_ value: String?) {
        if let value {
            self = .text(value)
        } else {
            self = .null
        }
    }

    /// True for `.null`.
    public var isNull: Bool {
        if case .null = self {
            return true
        }
        return false
    }

    /// The SQLite storage class name (`NULL`, `INTEGER`, `REAL`, `TEXT`, `BLOB`), used in error messages because it
    /// names the kind of value without revealing it.
    public var storageClassName: String {
        switch self {
        case .null: return "NULL"
        case .integer: return "INTEGER"
        case .real: return "REAL"
        case .text: return "TEXT"
        case .blob: return "BLOB"
        }
    }
}

extension SQLValue: ExpressibleByNilLiteral {
    /// `nil` becomes `.null`.
    public init(nilLiteral: ()) {
        self = .null
    }
}

extension SQLValue: ExpressibleByIntegerLiteral {
    /// An integer literal becomes `.integer`.
    public init(integerLiteral value: Int64) {
        self = .integer(value)
    }
}

extension SQLValue: ExpressibleByFloatLiteral {
    /// A floating-point literal becomes `.real`.
    public init(floatLiteral value: Double) {
        self = .real(value)
    }
}

extension SQLValue: ExpressibleByStringLiteral {
    /// A string literal becomes `.text`.
    public init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension SQLValue: ExpressibleByBooleanLiteral {
    /// `true` becomes `.integer(1)` and `false` becomes `.integer(0)`.
    public init(booleanLiteral value: Bool) {
        self = .integer(value ? 1 : 0)
    }
}
