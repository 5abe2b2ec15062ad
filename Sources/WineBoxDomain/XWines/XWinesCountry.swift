/// A country of the reference data set, with how many of its wines there are.
public struct XWinesCountry: Sendable, Hashable {
    /// ISO 3166-1 alpha-2 code, such as `FR`.
    public var code: String
    public var name: String
    public var count: Int

    public init(code: String, name: String, count: Int) {
        self.code = code
        self.name = name
        self.count = count
    }
}
