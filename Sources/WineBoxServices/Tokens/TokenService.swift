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

    private let keys: [TokenPurpose: [UInt8]]
    private let lifetimes: [TokenPurpose: Int64]

    /// - Parameters:
    ///   - secretKey: `WINEBOX_SECRET_KEY`; each purpose signs with its own key derived from it.
    ///   - sessionLifetime: how long a sign-in lasts. Default 2 hours.
    ///   - resetLifetime: how long a password-reset link works. Default 1 hour.
    ///   - verificationLifetime: how long an e-mail verification link works. Default 24 hours.
    public init(
        secretKey: String, sessionLifetime: Duration = .seconds(7200), resetLifetime: Duration = .seconds(3600),
        verificationLifetime: Duration = .seconds(86400)
    ) {
        let master = Array(secretKey.utf8)
        let purposes: [TokenPurpose] = [.session, .passwordReset, .emailVerification]
        keys = Dictionary(
            uniqueKeysWithValues: purposes.map { purpose in
                (purpose, Digest.hmacSHA256(key: master, message: Array("winebox-token:\(purpose.rawValue)".utf8)))
            })
        lifetimes = [
            .session: sessionLifetime.components.seconds, .passwordReset: resetLifetime.components.seconds,
            .emailVerification: verificationLifetime.components.seconds,
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
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Self.decodeBase64URL(parts[0]),
            let payloadBytes = Self.decodeBase64URL(parts[1]), let signature = Self.decodeBase64URL(parts[2]),
            let header = try? JSONSerialization.jsonObject(with: Data(headerBytes)) as? [String: Any],
            header["alg"] as? String == "HS256"
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

    private func key(for purpose: TokenPurpose) -> [UInt8] {
        // Unknown purposes get a key nobody can sign with, so they never verify.
        keys[purpose] ?? SecureRandom.bytes(count: 32)
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decodeBase64URL(_ text: Substring) -> [UInt8]? {
        guard text.allSatisfy({ $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII || $0 == "-" || $0 == "_" })
        else {
            return nil
        }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).map { [UInt8]($0) }
    }
}
