/// Everything the mail backends need: which backend, the sender, the base URL for links, the SMTP server or
/// the SES region, the secrets, and the timeout.
///
/// The defaults describe a development setup: the ``Backend/console`` backend, sender
/// `WineBox <support@winebox.app>`, links to `http://localhost:8000`. Keys in error messages use the names of
/// the `[email]` section of `config.toml` and of the secret variables.
///
/// The secrets (``smtpPassword``, ``awsAccessKeyID``, ``awsSecretAccessKey``) are hidden from
/// ``description``, `debugDescription` and the reflection mirror, so a configuration can be logged or
/// printed without leaking them. An empty string counts as not set for every optional value.
public struct MailConfiguration: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// Where messages go.
    public enum Backend: String, Sendable, CaseIterable {
        /// Written to the log at `info`, including the text body; for development only (``ConsoleMailer``).
        case console
        /// Delivered to an SMTP server (``SMTPMailer``).
        case smtp
        /// Sent through the Amazon SES v2 API (``SESMailer``).
        case ses
    }

    /// How the SMTP connection is protected.
    public enum SMTPSecurity: String, Sendable, CaseIterable {
        /// Plain connection upgraded with STARTTLS, which is required (usually port 587).
        case starttls
        /// TLS from the first byte, `smtps://` (usually port 465).
        case tls
        /// No encryption at all; only allowed when ``MailConfiguration/smtpHost`` is a loopback address, e.g. a
        /// local relay or a test server.
        case none
    }

    /// The environment variable of ``smtpPassword``.
    public static let smtpPasswordVariable = "WINEBOX_SMTP_PASSWORD"
    /// The environment variable of ``awsAccessKeyID``.
    public static let awsAccessKeyIDVariable = "WINEBOX_AWS_ACCESS_KEY_ID"
    /// The environment variable of ``awsSecretAccessKey``.
    public static let awsSecretAccessKeyVariable = "WINEBOX_AWS_SECRET_ACCESS_KEY"

    /// `email.backend`; default ``Backend/console``.
    public var backend: Backend
    /// `email.from_address`, the bare sender address; default `support@winebox.app`.
    public var fromAddress: String
    /// `email.from_name`, the sender's display name; default `WineBox`.
    public var fromName: String
    /// `email.frontend_url`, the base URL of links in messages; default `http://localhost:8000`.
    public var frontendURL: String
    /// `email.aws_region`, the SES region; default `eu-west-1`.
    public var awsRegion: String
    /// `email.ses_endpoint`, a base URL replacing `https://email.<region>.amazonaws.com`; default `nil`.
    /// `http://` is accepted only for a loopback host (tests, local emulators).
    public var sesEndpoint: String?
    /// `email.smtp_host`, a host name or IP address; required for ``Backend/smtp``; default `nil`.
    public var smtpHost: String?
    /// `email.smtp_port`; default 587.
    public var smtpPort: Int
    /// `email.smtp_username`; `nil` (the default) sends without SMTP authentication.
    public var smtpUsername: String?
    /// `email.smtp_security`; default ``SMTPSecurity/starttls``.
    public var smtpSecurity: SMTPSecurity
    /// The SMTP password (secret `WINEBOX_SMTP_PASSWORD`); required when ``smtpUsername`` is set.
    public var smtpPassword: String?
    /// The AWS access key ID for SES (secret `WINEBOX_AWS_ACCESS_KEY_ID`).
    public var awsAccessKeyID: String?
    /// The AWS secret access key for SES (secret `WINEBOX_AWS_SECRET_ACCESS_KEY`).
    public var awsSecretAccessKey: String?
    /// `email.timeout_seconds`: how long one delivery may take in total, connection included; default 15 s.
    public var timeout: Duration

    public init(
        backend: Backend = .console,
        fromAddress: String = "support@winebox.app",
        fromName: String = "WineBox",
        frontendURL: String = "http://localhost:8000",
        awsRegion: String = "eu-west-1",
        sesEndpoint: String? = nil,
        smtpHost: String? = nil,
        smtpPort: Int = 587,
        smtpUsername: String? = nil,
        smtpSecurity: SMTPSecurity = .starttls,
        smtpPassword: String? = nil,
        awsAccessKeyID: String? = nil,
        awsSecretAccessKey: String? = nil,
        timeout: Duration = .seconds(15)
    ) {
        self.backend = backend
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.frontendURL = frontendURL
        self.awsRegion = awsRegion
        self.sesEndpoint = sesEndpoint
        self.smtpHost = smtpHost
        self.smtpPort = smtpPort
        self.smtpUsername = smtpUsername
        self.smtpSecurity = smtpSecurity
        self.smtpPassword = smtpPassword
        self.awsAccessKeyID = awsAccessKeyID
        self.awsSecretAccessKey = awsSecretAccessKey
        self.timeout = timeout
    }

    /// The settings with the secrets replaced by "set" / "not set", in a stable order.
    private var safeFields: [(label: String, value: String)] {
        [
            ("backend", backend.rawValue), ("fromAddress", MailAddress.mask(fromAddress)), ("fromName", fromName),
            ("frontendURL", frontendURL), ("awsRegion", awsRegion), ("sesEndpoint", sesEndpoint ?? "default"),
            ("smtpHost", smtpHost ?? "not set"), ("smtpPort", String(smtpPort)),
            ("smtpUsername", smtpUsername.isSet ? "set" : "not set"), ("smtpSecurity", smtpSecurity.rawValue),
            ("smtpPassword", smtpPassword.isSet ? "set" : "not set"),
            ("awsAccessKeyID", awsAccessKeyID.isSet ? "set" : "not set"),
            ("awsSecretAccessKey", awsSecretAccessKey.isSet ? "set" : "not set"), ("timeout", "\(timeout)"),
        ]
    }

    /// `MailConfiguration(backend: smtp, …, smtpPassword: set, …)`; never a secret value.
    public var description: String {
        "MailConfiguration(" + safeFields.map { "\($0.label): \($0.value)" }.joined(separator: ", ") + ")"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror of the safe fields, so `dump` cannot reveal a secret either.
    public var customMirror: Mirror {
        Mirror(self, children: safeFields.map { (label: $0.label, value: $0.value as Any) })
    }
}

extension String? {
    /// Whether the optional holds a non-empty string; an empty string counts as not set.
    var isSet: Bool {
        guard let value = self else {
            return false
        }
        return !value.isEmpty
    }

    /// The value when set, else `nil`.
    var nonEmpty: String? {
        isSet ? self : nil
    }
}
