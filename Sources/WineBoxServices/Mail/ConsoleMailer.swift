public import WineBoxSupport

/// The development backend: "sends" a message by writing it to the log at `info`, so the operator can follow
/// verification and password-reset links without a mail server.
///
/// Each message becomes one record `E-mail (console backend)` with the masked recipient, the subject and the
/// **complete text body, links and tokens included**. That is the purpose of this backend and the one
/// exception to WineBox's rule of never logging tokens or bodies, so it must not be used in production:
/// anyone who can read the log can take over any account that asks for a link. The HTML body is not
/// logged. ``MailConfiguration/makeMailer(logger:)`` logs a notice when it creates this backend.
///
/// It never fails except for an invalid message (``MailError`` `.invalidAddress` or `.invalidMessage`),
/// checked as strictly as by the real backends. Safe to use from any task; it does not block.
public struct ConsoleMailer: Mailer {
    private let logger: Logger

    /// Creates a mailer that writes to `logger`; records are written only when `info` is enabled.
    public init(logger: Logger) {
        self.logger = logger
    }

    public func send(_ message: MailMessage) async throws {
        try message.validate()
        logger.info(
            "E-mail (console backend)",
            [
                ("backend", "console"), ("to", MailAddress.mask(message.to)), ("subject", message.subject),
                ("text", message.textBody),
            ])
    }
}
