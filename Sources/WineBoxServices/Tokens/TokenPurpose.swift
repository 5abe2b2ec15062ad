/// What a token may be used for. A token minted for one purpose never works for another: each purpose has
/// its own signing key derived from `WINEBOX_SECRET_KEY`, and the purpose is also a checked claim.
public struct TokenPurpose: RawRepresentable, Hashable, Sendable, Codable {
    /// Signing in to the API (bearer token).
    public static let session = TokenPurpose(rawValue: "session")
    /// A link in a password-reset mail.
    public static let passwordReset = TokenPurpose(rawValue: "password_reset")
    /// A link in an e-mail verification mail.
    public static let emailVerification = TokenPurpose(rawValue: "email_verification")
    /// A link in an invitation mail: the invited person chooses their password with it.
    public static let invitation = TokenPurpose(rawValue: "invitation")

    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}
