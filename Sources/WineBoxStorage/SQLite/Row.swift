/// One result row: column names and values, copied out of SQLite, so a `Row` is a plain value that may outlive the
/// statement and cross threads.
///
/// Typed getters look a column up by name (exact match first, then ASCII case-insensitive, as SQLite compares
/// names) or by zero-based index, and throw a ``StorageError`` instead of guessing:
///
/// - `.columnNotFound` when the name does not exist or the index is out of range;
/// - `.typeMismatch` when the value has another storage class, or is NULL for a non-optional getter.
///
/// No conversions happen between text and numbers. The only widening is INTEGER to `Double` in ``double(_:)``.
/// Error messages name the column and storage classes, never the value.
///
/// ```swift
/// let name = try row.string("name")
/// let vintage = try row.nullableInt("vintage")
/// ```
public struct Row: Sendable, Hashable {
    /// The column names, in result order.
    public let columnNames: [String]
    /// The values, in result order (`values.count == columnNames.count`).
    public let values: [SQLValue]

    /// Creates a row. `columnNames` and `values` must have the same length.
    public init(columnNames: [String], values: [SQLValue]) {
        precondition(columnNames.count == values.count, "Row needs one value per column")
        self.columnNames = columnNames
        self.values = values
    }

    /// The number of columns.
    public var count: Int { values.count }

    /// The raw value of the named column.
    public func value(_ column: String) throws(StorageError) -> SQLValue {
        values[try index(of: column)]
    }

    /// The raw value at a zero-based column index.
    public func value(at index: Int) throws(StorageError) -> SQLValue {
        guard values.indices.contains(index) else {
            throw StorageError(.columnNotFound, "No column at index \(index); the row has \(values.count) columns.")
        }
        return values[index]
    }

    /// True when the named column is NULL.
    public func isNull(_ column: String) throws(StorageError) -> Bool { try value(column).isNull }

    // MARK: Text

    /// The named column as text; throws if it is NULL or not TEXT.
    public func string(_ column: String) throws(StorageError) -> String {
        try required(nullableString(column), column)
    }

    /// The column at `index` as text; throws if it is NULL or not TEXT.
    public func string(at index: Int) throws(StorageError) -> String {
        try required(nullableString(at: index), name(at: index))
    }

    /// The named column as text, or nil when it is NULL; throws if it holds another storage class.
    public func nullableString(_ column: String) throws(StorageError) -> String? {
        try Self.text(try value(column), column)
    }

    /// The column at `index` as text, or nil when it is NULL; throws if it holds another storage class.
    public func nullableString(at index: Int) throws(StorageError) -> String? {
        try Self.text(try value(at: index), name(at: index))
    }

    // MARK: Integers

    /// The named column as an `Int64`; throws if it is NULL or not INTEGER.
    public func int64(_ column: String) throws(StorageError) -> Int64 {
        try required(nullableInt64(column), column)
    }

    /// The column at `index` as an `Int64`; throws if it is NULL or not INTEGER.
    public func int64(at index: Int) throws(StorageError) -> Int64 {
        try required(nullableInt64(at: index), name(at: index))
    }

    /// The named column as an `Int64`, or nil when it is NULL; throws if it holds another storage class.
    public func nullableInt64(_ column: String) throws(StorageError) -> Int64? {
        try Self.integer(try value(column), column)
    }

    /// The column at `index` as an `Int64`, or nil when it is NULL; throws if it holds another storage class.
    public func nullableInt64(at index: Int) throws(StorageError) -> Int64? {
        try Self.integer(try value(at: index), name(at: index))
    }

    /// The named column as an `Int`; throws if it is NULL, not INTEGER, or does not fit.
    public func int(_ column: String) throws(StorageError) -> Int {
        try Self.narrow(try int64(column), column)
    }

    /// The column at `index` as an `Int`; throws if it is NULL, not INTEGER, or does not fit.
    public func int(at index: Int) throws(StorageError) -> Int {
        try Self.narrow(try int64(at: index), name(at: index))
    }

    /// The named column as an `Int`, or nil when it is NULL.
    public func nullableInt(_ column: String) throws(StorageError) -> Int? {
        guard let wide = try nullableInt64(column) else { return nil }
        return try Self.narrow(wide, column)
    }

    /// The column at `index` as an `Int`, or nil when it is NULL.
    public func nullableInt(at index: Int) throws(StorageError) -> Int? {
        guard let wide = try nullableInt64(at: index) else { return nil }
        return try Self.narrow(wide, name(at: index))
    }

    /// The named column as a `Bool` (INTEGER 0 is false, any other integer is true); throws if NULL or not INTEGER.
    public func bool(_ column: String) throws(StorageError) -> Bool { try int64(column) != 0 }

    /// The column at `index` as a `Bool` (INTEGER 0 is false, any other integer is true).
    public func bool(at index: Int) throws(StorageError) -> Bool { try int64(at: index) != 0 }

    // MARK: Reals

    /// The named column as a `Double` (REAL, or INTEGER widened); throws if it is NULL or another storage class.
    public func double(_ column: String) throws(StorageError) -> Double {
        try required(nullableDouble(column), column)
    }

    /// The column at `index` as a `Double` (REAL, or INTEGER widened).
    public func double(at index: Int) throws(StorageError) -> Double {
        try required(nullableDouble(at: index), name(at: index))
    }

    /// The named column as a `Double`, or nil when it is NULL.
    public func nullableDouble(_ column: String) throws(StorageError) -> Double? {
        try Self.real(try value(column), column)
    }

    /// The column at `index` as a `Double`, or nil when it is NULL.
    public func nullableDouble(at index: Int) throws(StorageError) -> Double? {
        try Self.real(try value(at: index), name(at: index))
    }

    // MARK: Blobs

    /// The named column as bytes; throws if it is NULL or not BLOB.
    public func blob(_ column: String) throws(StorageError) -> [UInt8] {
        try required(nullableBlob(column), column)
    }

    /// The column at `index` as bytes; throws if it is NULL or not BLOB.
    public func blob(at index: Int) throws(StorageError) -> [UInt8] {
        try required(nullableBlob(at: index), name(at: index))
    }

    /// The named column as bytes, or nil when it is NULL.
    public func nullableBlob(_ column: String) throws(StorageError) -> [UInt8]? {
        try Self.bytes(try value(column), column)
    }

    /// The column at `index` as bytes, or nil when it is NULL.
    public func nullableBlob(at index: Int) throws(StorageError) -> [UInt8]? {
        try Self.bytes(try value(at: index), name(at: index))
    }

    // MARK: Lookup and conversion

    private func index(of column: String) throws(StorageError) -> Int {
        if let exact = columnNames.firstIndex(of: column) {
            return exact
        }
        let folded = column.lowercased()
        if let loose = columnNames.firstIndex(where: { $0.lowercased() == folded }) {
            return loose
        }
        let available = columnNames.joined(separator: ", ")
        throw StorageError(.columnNotFound, "No column named '\(column)'; the row has: \(available).")
    }

    private func name(at index: Int) -> String {
        columnNames.indices.contains(index) ? columnNames[index] : "#\(index)"
    }

    private func required<T>(_ value: T?, _ column: String) throws(StorageError) -> T {
        guard let value else {
            throw StorageError(.typeMismatch, "Column '\(column)' is NULL, but a value was required.")
        }
        return value
    }

    private static func mismatch(_ value: SQLValue, _ column: String, expected: String) -> StorageError {
        StorageError(.typeMismatch, "Column '\(column)' holds \(value.storageClassName), expected \(expected).")
    }

    private static func text(_ value: SQLValue, _ column: String) throws(StorageError) -> String? {
        switch value {
        case .null: return nil
        case .text(let text): return text
        default: throw mismatch(value, column, expected: "TEXT")
        }
    }

    private static func integer(_ value: SQLValue, _ column: String) throws(StorageError) -> Int64? {
        switch value {
        case .null: return nil
        case .integer(let integer): return integer
        default: throw mismatch(value, column, expected: "INTEGER")
        }
    }

    private static func real(_ value: SQLValue, _ column: String) throws(StorageError) -> Double? {
        switch value {
        case .null: return nil
        case .real(let real): return real
        case .integer(let integer): return Double(integer)
        default: throw mismatch(value, column, expected: "REAL")
        }
    }

    private static func bytes(_ value: SQLValue, _ column: String) throws(StorageError) -> [UInt8]? {
        switch value {
        case .null: return nil
        case .blob(let bytes): return bytes
        default: throw mismatch(value, column, expected: "BLOB")
        }
    }

    private static func narrow(_ value: Int64, _ column: String) throws(StorageError) -> Int {
        guard let narrowed = Int(exactly: value) else {
            throw StorageError(.typeMismatch, "Column '\(column)' holds an integer that does not fit in Int.")
        }
        return narrowed
    }
}
