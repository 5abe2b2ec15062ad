/// One outgoing e-mail to a single recipient: a subject, a plain-text body and an optional HTML body.
///
/// The sender comes from ``MailConfiguration``. Bodies may contain tokens, so ``description`` and the
/// reflection mirror (`dump`) show only the masked recipient and the subject; nothing in WineBox logs a body
/// except ``ConsoleMailer``, whose job it is.
public struct MailMessage: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The subject may not be longer than this many characters.
    public static let maximumSubjectLength = 900

    /// The recipient's address (`ann@example.com`); no display name, no angle brackets.
    public var to: String
    /// The subject line; any Unicode, but no line breaks or other control characters.
    public var subject: String
    /// The plain-text body; line breaks may be `\n` or `\r\n` and are sent as CRLF.
    public var textBody: String
    /// The HTML body, sent as the preferred alternative to ``textBody``; `nil` sends plain text only.
    public var htmlBody: String?

    public init(to: String, subject: String, textBody: String, htmlBody: String? = nil) {
        self.to = to
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
    }

    /// `MailMessage(to: a***@example.com, subject: "…")`; never a body.
    public var description: String {
        "MailMessage(to: \(MailAddress.mask(to)), subject: \(String(reflecting: subject)))"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror with the masked recipient and the subject only, so `dump` cannot reveal a body either.
    public var customMirror: Mirror {
        Mirror(self, children: [(label: "to", value: MailAddress.mask(to) as Any), ("subject", subject as Any)])
    }

    /// Checks what every backend needs before anything is sent: a valid recipient, a one-line subject of at
    /// most ``maximumSubjectLength`` characters, and a non-empty text body.
    ///
    /// - Throws: ``MailError`` `.invalidAddress` or `.invalidMessage`.
    func validate() throws {
        guard MailAddress.isValid(to) else {
            throw MailError(.invalidAddress, "The recipient address \(MailAddress.mask(to)) is not valid")
        }
        guard !subject.unicodeScalars.contains(where: Self.isControl) else {
            throw MailError(.invalidMessage, "The subject must not contain line breaks or other control characters")
        }
        guard !subject.isEmpty, subject.count <= Self.maximumSubjectLength else {
            throw MailError(
                .invalidMessage, "The subject must have between 1 and \(Self.maximumSubjectLength) characters")
        }
        guard !textBody.isEmpty else {
            throw MailError(.invalidMessage, "The text body must not be empty")
        }
    }

    /// C0 controls (CR, LF, tab, NUL, …), DEL, C1 controls and the Unicode line and paragraph separators.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
            || scalar.value == 0x2029
    }
}
