import CCurl
import Foundation
public import WineBoxSupport

/// Delivers messages to an SMTP server through libcurl, one connection per message.
///
/// The message is a complete RFC 5322 message (see ``MIMEComposer``): `Date`, `From` with the display name,
/// `To`, `Subject` (RFC 2047 encoded when not ASCII), `Message-ID`, and a `multipart/alternative` body with
/// quoted-printable UTF-8 text and HTML parts. The connection is protected as
/// ``MailConfiguration/smtpSecurity`` says: STARTTLS required (default), TLS from the start (`smtps://`), or
/// none on a loopback host only. Server certificates are verified against the system's CA store. AUTH is used
/// when ``MailConfiguration/smtpUsername`` is set; libcurl picks the best mechanism the server offers.
/// Proxies from the environment are ignored.
///
/// Threading: `send` suspends while the blocking transfer runs on its own short-lived thread; see
/// ``SMTPTransfer``. Any number of sends may run at once, each on its own connection and thread.
///
/// Failures become ``MailError``: a 4xx/5xx reply to MAIL, RCPT or DATA is `.rejected`, refused or lost
/// connections and TLS failures `.unreachable`, a refused login `.authenticationFailed`, a missing STARTTLS
/// `.misconfigured`, and running past ``MailConfiguration/timeout`` `.timeout`. Each failure is logged at
/// `warning` with the masked recipient, libcurl's error name and the SMTP reply code, never the server's text
/// (which often repeats the address); each success at `info` with the masked recipient and the Message-ID.
public struct SMTPMailer: Mailer {
    private let settings: SMTPTransfer.Settings
    private let composer: MIMEComposer
    private let timeoutDescription: String
    private let logger: Logger

    /// Creates a mailer for the SMTP settings of `configuration` (whatever its ``MailConfiguration/backend``).
    ///
    /// - Throws: ``MailError`` `.misconfigured` when the sender or the SMTP settings are incomplete or unsafe.
    public init(configuration: MailConfiguration, logger: Logger) throws {
        try configuration.validateCommon()
        try configuration.validateSMTP()
        let host = configuration.smtpHost ?? ""
        let urlHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        let scheme = configuration.smtpSecurity == .tls ? "smtps" : "smtp"
        settings = SMTPTransfer.Settings(
            url: "\(scheme)://\(urlHost):\(configuration.smtpPort)",
            requireSTARTTLS: configuration.smtpSecurity == .starttls,
            username: configuration.smtpUsername.nonEmpty,
            password: configuration.smtpUsername.isSet ? configuration.smtpPassword.nonEmpty : nil,
            envelopeFrom: configuration.fromAddress,
            envelopeTo: "",
            timeoutMilliseconds: max(1, Int((configuration.timeoutSeconds * 1000).rounded(.up))))
        composer = MIMEComposer(fromAddress: configuration.fromAddress, fromName: configuration.fromName)
        timeoutDescription = "\(configuration.timeout)"
        self.logger = logger.with(["backend": "smtp"])
    }

    public func send(_ message: MailMessage) async throws {
        try message.validate()
        let identifiers = composer.makeIdentifiers()
        let payload = composer.compose(message, date: Date(), identifiers: identifiers)
        var settings = self.settings
        settings.envelopeTo = message.to
        let outcome = try await SMTPTransfer.run(settings, payload: payload)
        let recipient = MailAddress.mask(message.to)
        guard !outcome.succeeded else {
            logger.info("E-mail sent", [("to", recipient), ("message_id", identifiers.messageID)])
            return
        }
        let error = mailError(for: outcome)
        logger.warning(
            "E-mail delivery failed",
            [
                ("to", recipient), ("code", error.code.description), ("curl_error", outcome.curlMessage),
                ("smtp_reply", String(outcome.replyCode)),
            ])
        throw error
    }

    /// The ``MailError`` for a failed transfer, from libcurl's code and the last SMTP reply code.
    func mailError(for outcome: SMTPTransfer.Outcome) -> MailError {
        let reply = outcome.replyCode
        switch CURLcode(rawValue: outcome.curlCode) {
        case CURLE_OPERATION_TIMEDOUT:
            return MailError(.timeout, "The mail server did not complete the delivery within \(timeoutDescription)")
        case CURLE_LOGIN_DENIED:
            return MailError(.authenticationFailed, "The mail server refused the SMTP user name or password")
        case CURLE_USE_SSL_FAILED:
            return MailError(
                .misconfigured,
                "The mail server does not offer STARTTLS; set email.smtp_security to tls or use another server")
        case CURLE_COULDNT_RESOLVE_HOST:
            return MailError(.unreachable, "The mail server's host name could not be resolved")
        case CURLE_COULDNT_CONNECT:
            return MailError(.unreachable, "Could not connect to the mail server")
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER:
            return MailError(
                .unreachable, "The TLS connection to the mail server failed (is its certificate trusted?)")
        default:
            break
        }
        if (500...599).contains(reply) {
            return MailError(.rejected, "The mail server rejected the message (SMTP \(reply))")
        }
        if (400...499).contains(reply) {
            return MailError(
                .rejected, "The mail server refused the message for now (SMTP \(reply)); try again later")
        }
        return MailError(.unreachable, "The conversation with the mail server failed (\(outcome.curlMessage))")
    }
}
