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
/// on). Admin routes also need the `admin` role (403 otherwise).
struct SessionGuard: AccessGuard {
    let database: Database
    let tokens: TokenService
    let now: @Sendable () -> Date
    /// Tokens already verified (signature and claims); see ``VerifiedTokenCache``.
    var verified = VerifiedTokenCache()

    func admit(_ request: HTTPRequest, context: RequestContext, access: RouteAccess) async throws -> RequestContext {
        guard let header = request.headers["Authorization"], header.count > 7,
            header.prefix(7).lowercased() == "bearer "
        else {
            throw WineBoxError(.unauthenticated, "Authentication required")
        }
        let token = String(header.dropFirst(7))
        let claims: TokenClaims
        if let known = verified.claims(for: token), known.exp > Int64(now().timeIntervalSince1970) {
            claims = known
        } else {
            claims = try tokens.verify(token, purpose: .session, now: now())
            verified.remember(claims, for: token)
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
        if access == .admin && user.role != .admin {
            throw WineBoxError(.forbidden, "Administrator privileges required")
        }
        var admitted = context
        admitted.storage[SignedInKey.self] = SignedIn(user: user, claims: claims)
        admitted.logger = context.logger.with(["user_id": user.id])
        return admitted
    }
}
