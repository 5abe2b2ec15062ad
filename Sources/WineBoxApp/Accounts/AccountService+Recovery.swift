import Foundation
import WineBoxDomain
import WineBoxServices
import WineBoxStorage
import WineBoxSupport

/// Registration, e-mail verification and password reset.
///
/// The endpoints that take only an e-mail address (resend-verification, forgot-password, and registration when
/// verification is required) answer the same whatever the address, and do their database work and mail in the
/// background, so neither the answer nor its timing tells whether an account exists. Links carry single-use
/// tokens of their own purpose; using one revokes it, and a password change makes older reset links useless.
extension AccountService {
    /// The result of a registration.
    enum Registration {
        /// The account exists and can sign in (verification not required).
        case created(User)
        /// A verification mail is on its way if the address can register.
        case pending
    }

    func register(email rawEmail: String, password: String, fullName: String, clientAddress: String) async throws
        -> Registration
    {
        guard registrationEnabled else {
            throw WineBoxError(.forbidden, "Registration is disabled; ask an admin of this WineBox for an account")
        }
        let email = try EmailAddress(rawEmail)
        let name = try FullName.validated(fullName)
        try policy.validate(password, email: email.value)
        guard requiresVerification else {
            let user = try await createUser(
                email: email.value, password: password, fullName: name, role: .member, actor: nil,
                clientAddress: clientAddress)
            return .created(user)
        }
        let hash = try await hasher.hash(password)
        Task.detached { [self] in
            do {
                try await registerPending(email: email, hash: hash, fullName: name, clientAddress: clientAddress)
            } catch {
                logger.error("Registration failed", [("error", String(describing: error))])
            }
        }
        return .pending
    }

    private func registerPending(email: EmailAddress, hash: String, fullName: String, clientAddress: String)
        async throws
    {
        let createdAt = now()
        let user = try await database.write { connection -> User? in
            if var existing = try UserStore.find(email: email, in: connection) {
                // A verified account stays as it is; an unverified one takes the newest registration.
                guard !existing.isVerified else {
                    return nil
                }
                existing.passwordHash = hash
                existing.fullName = fullName
                existing.invitedAt = nil
                existing.sessionEpoch += 1
                existing.updatedAt = createdAt
                try UserStore.update(existing, in: connection)
                return existing
            }
            let user = User(
                id: UUID().uuidString.lowercased(), email: email, passwordHash: hash, fullName: fullName, role: .member,
                isActive: true, isVerified: false, createdAt: createdAt, updatedAt: createdAt, lastSignInAt: nil,
                sessionEpoch: 0)
            try UserStore.insert(user, in: connection)
            return user
        }
        guard let user else {
            return
        }
        await audit("user_registered", subject: user.id, address: clientAddress, detail: email.masked)
        await sendVerification(to: user)
    }

    /// Confirms an address with the token from a verification mail.
    func verify(token: String, clientAddress: String) async throws -> User {
        let claims = try linkClaims(token, purpose: .emailVerification)
        let user = try await consume(claims) { user in
            user.isVerified = true
        }
        await audit("email_verified", actor: user.id, address: clientAddress)
        return user
    }

    /// Sends a new verification mail if the address has an unverified, active account.
    func resendVerification(email rawEmail: String) throws {
        let email = try EmailAddress(rawEmail)
        Task.detached { [self] in
            guard let user = try? await database.read({ try UserStore.find(email: email, in: $0) }),
                user.isActive, !user.isVerified
            else {
                return
            }
            await sendVerification(to: user)
        }
    }

    /// Sends a password-reset mail if the address has an active account.
    func forgotPassword(email rawEmail: String, clientAddress: String) throws {
        let email = try EmailAddress(rawEmail)
        Task.detached { [self] in
            guard let user = try? await database.read({ try UserStore.find(email: email, in: $0) }), user.isActive
            else {
                return
            }
            let (token, _) = tokens.issue(
                subject: user.id, purpose: .passwordReset, sessionEpoch: user.sessionEpoch, now: now())
            let validity = Duration.seconds(tokens.lifetimeSeconds(of: .passwordReset))
            await audit("password_reset_requested", subject: user.id, address: clientAddress)
            await send(
                mail?.templates.passwordReset(
                    to: user.email.value, token: token, validFor: validity, recipientName: user.fullName))
        }
    }

    /// Sets a new password with the token from a reset mail, and signs the account out everywhere.
    func resetPassword(token: String, newPassword: String, clientAddress: String) async throws {
        let claims = try linkClaims(token, purpose: .passwordReset)
        let target = try await database.read { try UserStore.find(id: claims.sub, in: $0) }
        guard let target else {
            throw WineBoxError(.invalidInput, "The link is invalid, used or expired; ask for a new one")
        }
        try policy.validate(newPassword, email: target.email.value)
        let hash = try await hasher.hash(newPassword)
        let user = try await consume(claims) { user in
            user.passwordHash = hash
            user.sessionEpoch += 1
        }
        throttle.unlock(account: user.email.value)
        await audit("password_reset", actor: user.id, address: clientAddress)
    }

    /// The claims of a mailed link's token; any defect is the same "invalid link" answer.
    func linkClaims(_ token: String, purpose: TokenPurpose) throws -> TokenClaims {
        do {
            return try tokens.verify(token, purpose: purpose, now: now())
        } catch {
            throw WineBoxError(.invalidInput, "The link is invalid, used or expired; ask for a new one")
        }
    }

    /// Applies `change` for the token's user once: the token must not be revoked, its user must be active, and
    /// its epoch current; the token is revoked in the same transaction.
    func consume(_ claims: TokenClaims, _ change: @escaping @Sendable (inout User) -> Void) async throws -> User {
        let changedAt = now()
        let expiry = Date(timeIntervalSince1970: TimeInterval(claims.exp))
        return try await database.write { connection in
            guard try !RevokedTokenStore.isRevoked(jti: claims.jti, in: connection),
                var user = try UserStore.find(id: claims.sub, in: connection), user.isActive,
                user.sessionEpoch == claims.sev
            else {
                throw WineBoxError(.invalidInput, "The link is invalid, used or expired; ask for a new one")
            }
            change(&user)
            user.updatedAt = changedAt
            try UserStore.update(user, in: connection)
            try RevokedTokenStore.revoke(jti: claims.jti, expiresAt: expiry, in: connection)
            return user
        }
    }

    private func sendVerification(to user: User) async {
        let (token, _) = tokens.issue(
            subject: user.id, purpose: .emailVerification, sessionEpoch: user.sessionEpoch, now: now())
        let validity = Duration.seconds(tokens.lifetimeSeconds(of: .emailVerification))
        await send(
            mail?.templates.verification(
                to: user.email.value, token: token, validFor: validity, recipientName: user.fullName))
    }

    /// Hands `message` to the mail backend; false when there is no message or backend, or the backend refused it
    /// (logged, never thrown: a mail that cannot go out must not fail the request that caused it).
    @discardableResult
    func send(_ message: MailMessage?) async -> Bool {
        guard let message, let mailer = mail?.mailer else {
            return false
        }
        do {
            try await mailer.send(message)
            return true
        } catch {
            logger.warning("A mail could not be sent", [("error", String(describing: error))])
            return false
        }
    }
}
