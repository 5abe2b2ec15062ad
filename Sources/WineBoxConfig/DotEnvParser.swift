/// Parses `KEY=VALUE` files such as `secrets.env`.
///
/// Rules, per line:
/// - blank lines, lines starting with `#`, and lines without `=` are skipped;
/// - an optional leading `export ` is ignored;
/// - the line is split at the first `=`, and the key and value are trimmed of white space;
/// - one pair of matching surrounding quotes (`"…"` or `'…'`) is removed from the value; nothing inside
///   is unescaped, and a `#` after the value is part of the value (there are no trailing comments).
///
/// Line endings may be `\n` or `\r\n`; a leading byte-order mark is ignored.
enum DotEnvParser {
    /// One `KEY=VALUE` assignment.
    struct Entry: Sendable, Equatable {
        let key: String
        let value: String
        /// The 1-based line number in the file.
        let line: Int
    }

    /// All assignments in file order; a key may appear more than once (the caller decides: last wins).
    static func parse(_ text: String) -> [Entry] {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        var entries: [Entry] = []
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, rawLine) in lines.enumerated() {
            var line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export"), let next = line.dropFirst(6).first, next.isWhitespace {
                line = line.dropFirst(6).trimmingWhitespace()
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingWhitespace()
            if key.isEmpty { continue }
            let value = unquote(line[line.index(after: equals)...].trimmingWhitespace())
            entries.append(Entry(key: key, value: value, line: index + 1))
        }
        return entries
    }

    /// `text` without one pair of matching surrounding single or double quotes, if it has them.
    static func unquote(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first else {
            return text
        }
        return String(text.dropFirst().dropLast())
    }
}
