/// Secret values, read only from the environment or from `secrets.env` (never from `config.toml`).
///
/// Every property is `nil` when not set; an empty value counts as not set. ``description``,
/// `debugDescription` and the reflection mirror (`dump`) show only whether each secret is set, so a
/// `Secrets` value can be logged or printed without leaking anything.
public struct Secrets: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The environment variable of ``secretKey``.
    public static let secretKeyVariable = "WINEBOX_SECRET_KEY"
    /// The environment variable of ``anthropicAPIKey``.
    public static let anthropicAPIKeyVariable = "WINEBOX_ANTHROPIC_API_KEY"
    /// The environment variable of ``awsAccessKeyID``.
    public static let awsAccessKeyIDVariable = "WINEBOX_AWS_ACCESS_KEY_ID"
    /// The environment variable of ``awsSecretAccessKey``.
    public static let awsSecretAccessKeyVariable = "WINEBOX_AWS_SECRET_ACCESS_KEY"
    /// The environment variable of ``smtpPassword``.
    public static let smtpPasswordVariable = "WINEBOX_SMTP_PASSWORD"
    /// The shortest accepted ``secretKey``, in characters, unless `server.debug` is on.
    public static let minimumSecretKeyLength = 32

    /// Every secret variable, in display order.
    static let variables = [
        secretKeyVariable, anthropicAPIKeyVariable, awsAccessKeyIDVariable, awsSecretAccessKeyVariable,
        smtpPasswordVariable,
    ]

    /// The token signing key (`WINEBOX_SECRET_KEY`); at least 32 characters when set.
    public var secretKey: String?
    /// The Anthropic API key for Claude label reading (`WINEBOX_ANTHROPIC_API_KEY`); optional.
    public var anthropicAPIKey: String?
    /// The AWS access key ID for SES mail (`WINEBOX_AWS_ACCESS_KEY_ID`); optional.
    public var awsAccessKeyID: String?
    /// The AWS secret access key for SES mail (`WINEBOX_AWS_SECRET_ACCESS_KEY`); optional.
    public var awsSecretAccessKey: String?
    /// The SMTP server password for the `smtp` mail backend (`WINEBOX_SMTP_PASSWORD`); optional.
    public var smtpPassword: String?

    /// Creates a set of secrets; by default none is set.
    public init(
        secretKey: String? = nil,
        anthropicAPIKey: String? = nil,
        awsAccessKeyID: String? = nil,
        awsSecretAccessKey: String? = nil,
        smtpPassword: String? = nil
    ) {
        self.secretKey = secretKey
        self.anthropicAPIKey = anthropicAPIKey
        self.awsAccessKeyID = awsAccessKeyID
        self.awsSecretAccessKey = awsSecretAccessKey
        self.smtpPassword = smtpPassword
    }

    /// The value of the secret named by its environment variable, or `nil` if unset or not a secret name.
    func value(forVariable name: String) -> String? {
        switch name {
        case Self.secretKeyVariable: return secretKey
        case Self.anthropicAPIKeyVariable: return anthropicAPIKey
        case Self.awsAccessKeyIDVariable: return awsAccessKeyID
        case Self.awsSecretAccessKeyVariable: return awsSecretAccessKey
        case Self.smtpPasswordVariable: return smtpPassword
        default: return nil
        }
    }

    /// Sets the secret named by its environment variable; returns `false` if `name` is not a secret name.
    @discardableResult
    mutating func setValue(_ value: String?, forVariable name: String) -> Bool {
        switch name {
        case Self.secretKeyVariable: secretKey = value
        case Self.anthropicAPIKeyVariable: anthropicAPIKey = value
        case Self.awsAccessKeyIDVariable: awsAccessKeyID = value
        case Self.awsSecretAccessKeyVariable: awsSecretAccessKey = value
        case Self.smtpPasswordVariable: smtpPassword = value
        default: return false
        }
        return true
    }

    private func status(_ name: String) -> String {
        value(forVariable: name) == nil ? "not set" : "set"
    }

    /// `Secrets(WINEBOX_SECRET_KEY: set, WINEBOX_ANTHROPIC_API_KEY: not set, …)`; never a value.
    public var description: String {
        "Secrets(" + Self.variables.map { "\($0): \(status($0))" }.joined(separator: ", ") + ")"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror whose children are "set" / "not set", so `dump` cannot reveal values either.
    public var customMirror: Mirror {
        Mirror(self, children: Self.variables.map { (label: $0, value: status($0) as Any) })
    }
}
