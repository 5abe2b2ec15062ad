/// Something that delivers ``MailMessage``s: ``ConsoleMailer`` for development, ``SMTPMailer`` and
/// ``SESMailer`` for real delivery. Create the configured one with ``MailConfiguration/makeMailer(logger:)``.
///
/// Implementations are safe to use from any task and never block Swift's cooperative threads.
public protocol Mailer: Sendable {
    /// Delivers `message` to its recipient, or hands it to the backend that will.
    ///
    /// Returning means the backend accepted the message, not that it has reached the mailbox.
    ///
    /// - Throws: ``MailError`` (``MailError/Code/invalidAddress`` and ``MailError/Code/invalidMessage``
    ///   before anything is sent; the other codes when delivery fails), or `CancellationError` when the
    ///   calling task is cancelled while sending.
    func send(_ message: MailMessage) async throws
}
