/// The messages WineBox sends: e-mail verification, password reset and invitation, each with a plain-text and an
/// HTML body carrying the same words and link.
///
/// Links are `<frontendURL>/verify?token=…`, `<frontendURL>/reset-password?token=…` and
/// `<frontendURL>/accept-invitation?token=…`, with the token
/// percent-encoded (everything but RFC 3986 unreserved characters) and trailing slashes of the base URL
/// removed. Every variable part of the HTML (product name, recipient name, link) is HTML-escaped. The
/// validity period is stated in whole days, hours or minutes (`1 hour`, `90 minutes`), rounded up to a
/// minute. Pure value; safe from any thread.
public struct MailTemplates: Sendable {
    /// The base URL of links, without trailing slashes.
    public let frontendURL: String
    /// The product name used in subjects and texts; default `WineBox`.
    public let productName: String

    public init(frontendURL: String, productName: String = "WineBox") {
        var base = frontendURL
        while base.hasSuffix("/") {
            base.removeLast()
        }
        self.frontendURL = base
        self.productName = productName
    }

    /// Templates with the links of `configuration` (``MailConfiguration/frontendURL``).
    public init(configuration: MailConfiguration) {
        self.init(frontendURL: configuration.frontendURL)
    }

    /// The message asking `address` to confirm it: subject `Verify your <product> account`.
    ///
    /// - Parameters:
    ///   - token: the raw verification token; it appears only in the link.
    ///   - validity: how long the link works, as stated in the message.
    ///   - recipientName: a name for the greeting; `nil` or empty for a plain `Hello,`.
    public func verification(
        to address: String, token: String, validFor validity: Duration, recipientName: String? = nil
    ) -> MailMessage {
        render(
            to: address,
            content: Content(
                subject: "Verify your \(productName) account",
                greeting: greeting(recipientName),
                intro: "Welcome to \(productName). To finish creating your account, please confirm that this "
                    + "e-mail address is yours.",
                buttonLabel: "Confirm my e-mail address",
                link: verificationLink(token: token),
                expiry: "The link can be used once and expires in \(Self.describe(validity)).",
                ignoreNote: "If you did not sign up for \(productName), you can ignore this message: no account "
                    + "will be created."))
    }

    /// The message with a link to choose a new password: subject `Reset your <product> password`.
    ///
    /// - Parameters:
    ///   - token: the raw reset token; it appears only in the link.
    ///   - validity: how long the link works, as stated in the message.
    ///   - recipientName: a name for the greeting; `nil` or empty for a plain `Hello,`.
    public func passwordReset(
        to address: String, token: String, validFor validity: Duration, recipientName: String? = nil
    ) -> MailMessage {
        render(
            to: address,
            content: Content(
                subject: "Reset your \(productName) password",
                greeting: greeting(recipientName),
                intro: "We received a request to reset the password of your \(productName) account. Choose a new "
                    + "password with the link below; setting it signs you out on every device.",
                buttonLabel: "Choose a new password",
                link: passwordResetLink(token: token),
                expiry: "The link can be used once and expires in \(Self.describe(validity)).",
                ignoreNote: "If you did not ask for this, you can ignore this message: your password stays as "
                    + "it is."))
    }

    /// The message inviting `address` to the household's cellar: subject `You are invited to <product>`.
    ///
    /// - Parameters:
    ///   - token: the raw invitation token; it appears only in the link.
    ///   - validity: how long the link works, as stated in the message.
    ///   - inviterName: who sent the invitation, named in the text; `nil` or empty leaves them out.
    ///   - recipientName: a name for the greeting; `nil` or empty for a plain `Hello,`.
    public func invitation(
        to address: String, token: String, validFor validity: Duration, inviterName: String? = nil,
        recipientName: String? = nil
    ) -> MailMessage {
        let inviter = Self.oneLine(inviterName ?? "")
        let invited =
            inviter.isEmpty
            ? "You are invited to share a wine cellar on \(productName)."
            : "\(inviter) has invited you to share a wine cellar on \(productName)."
        return render(
            to: address,
            content: Content(
                subject: "You are invited to \(productName)",
                greeting: greeting(recipientName),
                intro: invited + " Choose your password with the link below to open your account.",
                buttonLabel: "Choose my password",
                link: invitationLink(token: token),
                expiry: "The link can be used once and expires in \(Self.describe(validity)).",
                ignoreNote: "If you did not expect this invitation, you can ignore this message: nobody can sign in "
                    + "to the account until a password is chosen with the link."))
    }

    /// `<frontendURL>/verify?token=<percent-encoded token>`.
    public func verificationLink(token: String) -> String {
        "\(frontendURL)/verify?token=\(Self.percentEncode(token))"
    }

    /// `<frontendURL>/reset-password?token=<percent-encoded token>`.
    public func passwordResetLink(token: String) -> String {
        "\(frontendURL)/reset-password?token=\(Self.percentEncode(token))"
    }

    /// `<frontendURL>/accept-invitation?token=<percent-encoded token>`.
    public func invitationLink(token: String) -> String {
        frontendURL + Self.invitationPath(token: token)
    }

    /// `/accept-invitation?token=<percent-encoded token>`: the invitation link without the web interface's address.
    public static func invitationPath(token: String) -> String {
        "/accept-invitation?token=\(percentEncode(token))"
    }

    /// The words of one message, before they are laid out as text and HTML.
    struct Content {
        var subject: String
        var greeting: String
        var intro: String
        var buttonLabel: String
        var link: String
        var expiry: String
        var ignoreNote: String
    }

    private func greeting(_ name: String?) -> String {
        let trimmed = Self.oneLine(name ?? "")
        return trimmed.isEmpty ? "Hello," : "Hello \(trimmed),"
    }

    /// `text` without control characters and with runs of spaces collapsed, for a name inside a sentence.
    private static func oneLine(_ text: String) -> String {
        let clean = String(String.UnicodeScalarView(text.unicodeScalars.filter { !MailMessage.isControl($0) }))
        return clean.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// `N day(s)`, `N hour(s)` when whole, else `N minute(s)` rounded up (at least 1 minute).
    static func describe(_ validity: Duration) -> String {
        let parts = validity.components
        let seconds = max(60, parts.seconds + (parts.attoseconds > 0 ? 1 : 0))
        func plural(_ count: Int64, _ unit: String) -> String {
            count == 1 ? "1 \(unit)" : "\(count) \(unit)s"
        }
        if seconds % 86_400 == 0 {
            return plural(seconds / 86_400, "day")
        }
        if seconds % 3_600 == 0 {
            return plural(seconds / 3_600, "hour")
        }
        return plural((seconds + 59) / 60, "minute")
    }

    /// Percent-encodes every byte except the RFC 3986 unreserved characters `A–Z a–z 0–9 - . _ ~`.
    static func percentEncode(_ text: String) -> String {
        AWSSignatureV4.uriEncode(text)
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attribute values.
    static func escapeHTML(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
