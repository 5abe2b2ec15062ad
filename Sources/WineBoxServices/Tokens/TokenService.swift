public import Foundation
import WineBoxDomain
import WineBoxSupport

/// Mints and verifies HS256 JSON Web Tokens with HMAC-SHA-256 from libcrypto.
///
/// Verification accepts a token only when: it has exactly three base64url parts; its header's `alg` is exactly
/// `HS256`; the signature, recomputed with the key of the expected purpose, matches in constant time; the claims
/// decode with the right types; the purpose claim is the expected one; it has not expired; and it was not issued
/// in the future (60 s of clock skew allowed). Everything else about a token (revocation, the user being active,
/// the session epoch) is checked by the caller against the database.
public struct TokenService: Sendable {
    /// The longest token accepted, in bytes; longer input is refused before any work.
    static let maximumTokenLength = 4096
    /// Allowed clock difference for `iat`, in seconds.
    static let clockSkewSeconds: Int64 = 60
    private static let header = base64URL(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))

    private let keys: TokenKeys
    private let lifetimes: [TokenPurpose: Int64]

    /// - Parameters:
    ///   - secretKey: `WINEBOX_SECRET_KEY`; each purpose signs with its own key derived from it.
    ///   - sessionLifetime: how long a sign-in lasts. Default 2 hours.
    ///   - resetLifetime: how long a password-reset link works. Default 1 hour.
    ///   - verificationLifetime: how long an e-mail verification link works. Default 24 hours.
    ///   - invitationLifetime: how long an invitation link works. Default 7 days.
    public init(
        secretKey: String, sessionLifetime: Duration = .seconds(7200), resetLifetime: Duration = .seconds(3600),
        verificationLifetime: Duration = .seconds(86400), invitationLifetime: Duration = .seconds(7 * 86400)
    ) {
        keys = TokenKeys(secretKey: Array(secretKey.utf8))
        lifetimes = [
            .session: sessionLifetime.components.seconds, .passwordReset: resetLifetime.components.seconds,
            .emailVerification: verificationLifetime.components.seconds,
            .invitation: invitationLifetime.components.seconds,
        ]
    }

    /// How long tokens of `purpose` live, in seconds.
    public func lifetimeSeconds(of purpose: TokenPurpose) -> Int64 {
        lifetimes[purpose] ?? 0
    }

    /// Mints a token for `subject`.
    public func issue(subject: String, purpose: TokenPurpose, sessionEpoch: Int64, now: Date) -> (
        token: String, claims: TokenClaims
    ) {
        let issuedAt = Int64(now.timeIntervalSince1970)
        let claims = TokenClaims(
            sub: subject, jti: SecureRandom.hexString(byteCount: 16), iat: issuedAt,
            exp: issuedAt + lifetimeSeconds(of: purpose), purpose: purpose, sev: sessionEpoch)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Encoding a struct of strings and integers cannot fail.
        let payload = Self.base64URL([UInt8]((try? encoder.encode(claims)) ?? Data()))
        let signingInput = Self.header + "." + payload
        let signature = Digest.hmacSHA256(key: key(for: purpose), message: Array(signingInput.utf8))
        return (signingInput + "." + Self.base64URL(signature), claims)
    }

    /// Verifies `token` for `purpose` and returns its claims.
    ///
    /// - Throws: ``WineBoxError`` `.unauthenticated` for any defect, with one generic message so the answer
    ///   does not tell an attacker which check failed.
    public func verify(_ token: String, purpose: TokenPurpose, now: Date) throws -> TokenClaims {
        let invalid = WineBoxError(.unauthenticated, "Invalid or expired token")
        guard token.utf8.count <= Self.maximumTokenLength else {
            throw invalid
        }
        let parts = token.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map {
            Substring($0)
        }
        guard parts.count == 3, let headerBytes = Self.decodeBase64URL(parts[0]),
            let payloadBytes = Self.decodeBase64URL(parts[1]), let signature = Self.decodeBase64URL(parts[2]),
            Self.isHS256Header(headerBytes)
        else {
            throw invalid
        }
        let signingInput = Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        let expected = Digest.hmacSHA256(key: key(for: purpose), message: signingInput)
        guard Digest.constantTimeEquals(expected, signature),
            let claims = try? JSONDecoder().decode(TokenClaims.self, from: Data(payloadBytes))
        else {
            throw invalid
        }
        let seconds = Int64(now.timeIntervalSince1970)
        guard claims.purpose == purpose, claims.exp > seconds, claims.iat <= seconds + Self.clockSkewSeconds,
            !claims.sub.isEmpty, !claims.jti.isEmpty
        else {
            throw invalid
        }
        return claims
    }

    /// True for a JOSE header that names exactly HS256 (any key order, an optional `typ` of `JWT`). The header
    /// WineBox writes is checked byte for byte first, so the common case parses nothing.
    static func isHS256Header(_ bytes: [UInt8]) -> Bool {
        if bytes == headerBytes {
            return true
        }
        guard let header = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return false
        }
        return header["alg"] as? String == "HS256"
    }

    private static let headerBytes = Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8)

    private func key(for purpose: TokenPurpose) -> [UInt8] {
        // Unknown purposes get a key nobody can sign with, so they never verify.
        keys.key(for: purpose)
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        var encoded = [UInt8](Data(bytes).base64EncodedData())
        while encoded.last == UInt8(ascii: "=") {
            encoded.removeLast()
        }
        for index in encoded.indices {
            if encoded[index] == UInt8(ascii: "+") {
                encoded[index] = UInt8(ascii: "-")
            } else if encoded[index] == UInt8(ascii: "/") {
                encoded[index] = UInt8(ascii: "_")
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    static func decodeBase64URL(_ text: Substring) -> [UInt8]? {
        // Byte-wise on purpose: this runs on every signed-in request, and String replacing is slow.
        var base64: [UInt8] = []
        base64.reserveCapacity(text.utf8.count + 3)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                base64.append(byte)
            case UInt8(ascii: "-"):
                base64.append(UInt8(ascii: "+"))
            case UInt8(ascii: "_"):
                base64.append(UInt8(ascii: "/"))
            default:
                return nil
            }
        }
        while base64.count % 4 != 0 {
            base64.append(UInt8(ascii: "="))
        }
        return Data(base64Encoded: Data(base64)).map { [UInt8]($0) }
    }
}
