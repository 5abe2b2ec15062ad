extension SQLValue {
    /// `.integer`, or `.null` for nil.
    public init(_ value: Int?) {
        self = value.map { .integer(Int64($0)) } ?? .null
    }

    /// `.real`, or `.null` for nil.
    public init(_ value: Double?) {
        self = value.map { .real($0) } ?? .null
    }
}
