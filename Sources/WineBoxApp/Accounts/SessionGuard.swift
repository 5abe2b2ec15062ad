import Foundation
import WineBoxDomain
import WineBoxHTTP
import WineBoxServices
import WineBoxStorage
import WineBoxSupport
import WineBoxWeb

/// Admits requests that carry a valid session token: `Authorization: Bearer <token>`.
///
/// In order: the header must be present and use the Bearer scheme; the token must verify (signature, `HS256`,
/// expiry, purpose `session`); its `jti` must not be revoked; its user must exist and be active; and the token's
/// session epoch must be the user's current one (a password change or reset, or disabling the account, moves it
/// on). Admin routes also need the `admin` role (403 otherwise). Those database facts are read again whenever
/// anything has been committed since the token's last admission.
struct SessionGuard: AccessGuard {
    let database: Database
    let tokens: TokenService
    let now: @Sendable () -> Date
    /// Tokens already verified (signature and claims); see ``VerifiedTokenCache``.
    var verified = VerifiedTokenCache()

    func admit(_ request: HTTPRequest, context: RequestContext, access: RouteAccess) async throws -> RequestContext {
        guard let header = request.headers["Authorization"], let token = Self.bearerToken(in: header) else {
            throw WineBoxError(.unauthenticated, "Authentication required")
        }
        let claims: TokenClaims
        if let known = rememberedClaims(of: token) {
            claims = known
        } else {
            claims = try tokens.verify(token, purpose: .session, now: now())
            verified.remember(claims, for: token)
        }
        let (user, generation) = try await currentUser(token: token, claims: claims)
        if access == .admin && user.role != .admin {
            throw WineBoxError(.forbidden, "Administrator privileges required")
        }
        return Self.context(context, signedIn: SignedIn(user: user, claims: claims, generation: generation))
    }

    /// The admission of a token this guard has verified and admitted since the last commit, unexpired, for a
    /// route its account may use; nil for anything else, which ``admit(_:context:access:)`` then decides.
    func admitFromMemory(_ request: HTTPRequest, context: RequestContext, access: RouteAccess) -> RequestContext? {
        guard let header = request.headers["Authorization"], let token = Self.bearerToken(in: header),
            let claims = rememberedClaims(of: token)
        else {
            return nil
        }
        let generation = database.changeGeneration()
        guard let user = verified.admittedUser(for: token, at: generation), access != .admin || user.role == .admin
        else {
            return nil
        }
        return Self.context(context, signedIn: SignedIn(user: user, claims: claims, generation: generation))
    }

    /// The claims of `token` when this guard has verified it before and it has not expired since.
    private func rememberedClaims(of token: String) -> TokenClaims? {
        guard let claims = verified.claims(for: token), claims.exp > Int64(now().timeIntervalSince1970) else {
            return nil
        }
        return claims
    }

    private static func context(_ context: RequestContext, signedIn: SignedIn) -> RequestContext {
        var admitted = context
        admitted.storage[SignedInKey.self] = signedIn
        admitted.logger = context.logger.with(["user_id": signedIn.user.id])
        return admitted
    }

    /// The active account `token` belongs to, read from the database unless the same admission was already read
    /// and nothing has been committed since (see ``VerifiedTokenCache``).
    ///
    /// - Throws: `.unauthenticated` when the token is revoked, its account is gone or disabled, or the account's
    ///   session epoch has moved on.
    private func currentUser(token: String, claims: TokenClaims) async throws -> (User, generation: UInt64) {
        let generation = database.changeGeneration()
        if let user = verified.admittedUser(for: token, at: generation) {
            return (user, generation)
        }

        let user = try await database.read { connection -> User? in
            guard try !RevokedTokenStore.isRevoked(jti: claims.jti, in: connection) else {
                return nil
            }
            return try UserStore.find(id: claims.sub, in: connection)
        }
        guard let user, user.isActive, user.sessionEpoch == claims.sev else {
            throw WineBoxError(.unauthenticated, "Invalid or expired token")
        }

        verified.rememberAdmission(of: user, for: token, at: generation)
        return (user, generation)
    }

    /// The token of an `Authorization: Bearer <token>` header (scheme in any case), or nil for another scheme or an
    /// empty token. Works on the UTF-8 bytes: this runs on every signed-in request.
    static func bearerToken(in header: String) -> String? {
        let bytes = header.utf8
        let scheme = "bearer ".utf8
        guard bytes.count > scheme.count,
            zip(bytes, scheme).allSatisfy({ byte, expected in
                byte == expected || (expected != UInt8(ascii: " ") && byte | 0x20 == expected)
            })
        else {
            return nil
        }
        return String(header.utf8.dropFirst(scheme.count))
    }
}
