import Synchronization
import WineBoxSupport

/// The signing key of each token purpose, derived from `WINEBOX_SECRET_KEY` with HMAC-SHA-256 the first time a
/// token of that purpose is signed or checked.
///
/// Derived lazily because the first HMAC starts libcrypto's providers (about 2 MiB of resident memory), which a
/// server that has not seen a sign-in or a token yet does not need.
final class TokenKeys: Sendable {
    /// The purposes that have a key; any other purpose gets fresh random bytes, so nothing can be signed for it.
    static let purposes: Set<TokenPurpose> = [.session, .passwordReset, .emailVerification, .invitation]

    private let secretKey: [UInt8]
    private let derived = Mutex<[TokenPurpose: [UInt8]]>([:])

    init(secretKey: [UInt8]) {
        self.secretKey = secretKey
    }

    /// The key for `purpose`: HMAC-SHA-256 of `winebox-token:<purpose>` under the secret key.
    func key(for purpose: TokenPurpose) -> [UInt8] {
        guard Self.purposes.contains(purpose) else {
            return SecureRandom.bytes(count: 32)
        }
        return derived.withLock { keys in
            if let key = keys[purpose] {
                return key
            }
            let key = Digest.hmacSHA256(key: secretKey, message: Array("winebox-token:\(purpose.rawValue)".utf8))
            keys[purpose] = key
            return key
        }
    }
}
