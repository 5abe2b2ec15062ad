import WineBoxSupport

/// The Anthropic API key (`WINEBOX_ANTHROPIC_API_KEY`), kept out of every description, dump and log.
///
/// It is sent only as the `x-api-key` header. `description`, `debugDescription` and the reflection mirror show
/// `<redacted>`; two keys compare in time that does not depend on where they differ.
public struct ClaudeAPIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The longest key accepted, in bytes; Anthropic's keys are about a hundred.
    static let maximumLength = 512

    let value: String

    /// Wraps `value`.
    ///
    /// - Throws: ``ClaudeError`` `.misconfigured` when it is empty, longer than 512 bytes, or holds a space or a
    ///   control character (which could split the header it is sent in). The message never repeats the key.
    public init(_ value: String) throws(ClaudeError) {
        guard !value.isEmpty, value.utf8.count <= Self.maximumLength,
            value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F })
        else {
            throw ClaudeError(
                .misconfigured,
                "WINEBOX_ANTHROPIC_API_KEY must be 1 to \(Self.maximumLength) characters without spaces or control "
                    + "characters")
        }
        self.value = value
    }

    public static func == (lhs: ClaudeAPIKey, rhs: ClaudeAPIKey) -> Bool {
        Digest.constantTimeEquals(Array(lhs.value.utf8), Array(rhs.value.utf8))
    }

    public var description: String { "ClaudeAPIKey(<redacted>)" }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: ["value": "<redacted>"]) }
}
