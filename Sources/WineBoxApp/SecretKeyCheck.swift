import WineBoxSupport

/// Decides which token-signing key the server uses, and refuses weak ones in production.
///
/// Production (`debug = false`): `WINEBOX_SECRET_KEY` must be set, at least 32 characters, not one character
/// repeated, and not a value from documentation or examples. Debug mode: a missing key is replaced by a random
/// one (sessions then end when the server restarts), and a weak key is only a warning.
enum SecretKeyCheck {
    static let minimumLength = 32
    /// Values that appear in examples and tutorials; a key containing one of them is not secret.
    static let knownExampleFragments = [
        "changeme", "change-me", "change_me", "your-secret", "yoursecret", "example", "secret-key-here",
    ]

    /// The key to sign tokens with.
    ///
    /// - Throws: ``ApplicationError`` when the key is unacceptable in production.
    static func signingKey(_ configured: String?, debug: Bool, logger: Logger) throws -> String {
        guard let key = configured, !key.isEmpty else {
            guard debug else {
                throw ApplicationError(
                    "WINEBOX_SECRET_KEY is required when debug is off: set it in the environment or secrets.env "
                        + "(at least \(minimumLength) random characters, e.g. from `openssl rand -base64 48`)")
            }
            logger.warning("WINEBOX_SECRET_KEY is not set: using a random key, so sign-ins end when WineBox restarts")
            return SecureRandom.hexString(byteCount: 32)
        }
        if let weakness = weakness(of: key) {
            guard debug else {
                throw ApplicationError("WINEBOX_SECRET_KEY is too weak: \(weakness)")
            }
            logger.warning("WINEBOX_SECRET_KEY is too weak; accepted only because debug is on", [("reason", weakness)])
        }
        return key
    }

    /// Why `key` is weak, or nil when it is acceptable.
    static func weakness(of key: String) -> String? {
        if key.count < minimumLength {
            return "it has fewer than \(minimumLength) characters"
        }
        if Set(key).count == 1 {
            return "it repeats one character"
        }
        let lowered = key.lowercased()
        if knownExampleFragments.contains(where: lowered.contains) {
            return "it looks like an example value"
        }
        return nil
    }
}
