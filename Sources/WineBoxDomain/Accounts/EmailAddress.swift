/// A normalised e-mail address: trimmed and lower-cased, so that `Ann@Example.com ` and `ann@example.com`
/// are the same account.
///
/// Validation is deliberately simple and strict enough for account names: one `@`, a local part of 1–64
/// characters and a domain with a dot, no spaces or control characters, 254 characters at most.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The normalised address.
    public let value: String

    /// - Throws: ``WineBoxError`` `.invalidInput` when `text` is not an acceptable address.
    public init(_ text: String) throws {
        let normalised = text.trimmingWhitespace().lowercased()
        guard Self.isAcceptable(normalised) else {
            throw WineBoxError(.invalidInput, "Enter a valid e-mail address")
        }
        value = normalised
    }

    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public var description: String { value }

    /// A form safe for logs: the first character of the local part and the domain (`a***@example.com`).
    public var masked: String {
        guard let at = value.firstIndex(of: "@") else {
            return "***"
        }
        return String(value[..<value.index(after: value.startIndex)]) + "***" + String(value[at...])
    }

    /// The part before the `@`.
    public var localPart: String {
        String(value.prefix { $0 != "@" })
    }

    private static func isAcceptable(_ text: String) -> Bool {
        guard text.count <= 254, !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            return false
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...64).contains(parts[0].count) else {
            return false
        }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
