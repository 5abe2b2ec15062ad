/// Why a TOML document could not be parsed.
struct TOMLParseError: Error, Sendable, Equatable {
    /// The parser's description of the problem, without the file name or position.
    let message: String
    /// The 1-based line of the problem, or 0 when the parser did not report one.
    let line: Int
    /// The 1-based column of the problem, or 0 when the parser did not report one.
    let column: Int
}
