import Foundation
import WineBoxDomain
import WineBoxServices
import WineBoxStorage
import WineBoxSupport

/// Invitations: an admin names a new member's address, and the member chooses their own password with a link.
///
/// The invited account exists from the start (so it appears in the members list and can be given a role), but
/// its password is the hash of random bytes nobody knows, so nobody can sign in until the link is used. Using the
/// link sets the password, marks the address verified (the mail reached it) and signs the member in. Inviting an
/// address again, while its account has not been verified, issues a new link and makes older ones useless.
extension AccountService {
    /// An invitation just issued.
    struct Invitation: Sendable {
        /// The invited account.
        let user: User
        /// The link to pass on; it carries a single-use token and works until `expiresAt`.
        let link: String
        let expiresAt: Date
        /// Whether the mail with the link was handed to the mail backend.
        let mailed: Bool
    }

    /// Creates (or renews) the account of `email` and mails it an invitation link.
    ///
    /// - Throws: ``WineBoxError`` `.invalidInput` for a bad address or name, `.conflict` when a verified account
    ///   already uses the address.
    func invite(
        email rawEmail: String, fullName: String, role: Role, inviter: User, clientAddress: String?
    ) async throws -> Invitation {
        let email = try EmailAddress(rawEmail)
        let name = try FullName.validated(fullName)
        let unusableHash = try await hasher.hash(SecureRandom.hexString(byteCount: 32))
        let invitedAt = now()

        let user = try await database.write { connection -> User in
            guard var existing = try UserStore.find(email: email, in: connection) else {
                let user = User(
                    id: UUID().uuidString.lowercased(), email: email, passwordHash: unusableHash, fullName: name,
                    role: role, isActive: true, isVerified: false, createdAt: invitedAt, updatedAt: invitedAt,
                    lastSignInAt: nil, sessionEpoch: 0, invitedAt: invitedAt)
                try UserStore.insert(user, in: connection)
                return user
            }
            guard !existing.isVerified else {
                throw WineBoxError(.conflict, "An account with this e-mail address already exists")
            }
            existing.passwordHash = unusableHash
            existing.fullName = name.isEmpty ? existing.fullName : name
            existing.role = role
            existing.isActive = true
            existing.sessionEpoch += 1
            existing.updatedAt = invitedAt
            existing.invitedAt = invitedAt
            try UserStore.update(existing, in: connection)
            return existing
        }

        let (token, claims) = tokens.issue(
            subject: user.id, purpose: .invitation, sessionEpoch: user.sessionEpoch, now: invitedAt)
        let mailed = await send(
            mail?.templates.invitation(
                to: user.email.value, token: token, validFor: .seconds(tokens.lifetimeSeconds(of: .invitation)),
                inviterName: inviter.fullName.isEmpty ? nil : inviter.fullName, recipientName: user.fullName))
        await audit(
            "user_invited", actor: inviter.id, subject: user.id, address: clientAddress, detail: role.rawValue)
        return Invitation(
            user: user, link: invitationLink(token: token),
            expiresAt: Date(timeIntervalSince1970: TimeInterval(claims.exp)), mailed: mailed)
    }

    /// Sets the invited member's password (and name, when given) with the token from the invitation, marks the
    /// address verified and signs the member in.
    ///
    /// - Throws: ``WineBoxError`` `.invalidInput` for an invalid, used or expired link, or a password the policy
    ///   refuses.
    func acceptInvitation(token: String, password: String, fullName: String?, clientAddress: String) async throws
        -> SessionGrant
    {
        let claims = try linkClaims(token, purpose: .invitation)
        let target = try await database.read { try UserStore.find(id: claims.sub, in: $0) }
        guard let target else {
            throw WineBoxError(.invalidInput, "The link is invalid, used or expired; ask for a new one")
        }
        let name = try fullName.map(FullName.validated)
        try policy.validate(password, email: target.email.value)
        let hash = try await hasher.hash(password)

        let user = try await consume(claims) { user in
            user.passwordHash = hash
            user.isVerified = true
            user.invitedAt = nil
            user.sessionEpoch += 1
            if let name, !name.isEmpty {
                user.fullName = name
            }
        }
        await audit("invitation_accepted", actor: user.id, address: clientAddress)
        return grant(for: user)
    }

    /// The link of an invitation token, with the configured address of the web interface; a relative link when
    /// no mail is configured (the CLI).
    private func invitationLink(token: String) -> String {
        mail?.templates.invitationLink(token: token) ?? MailTemplates.invitationPath(token: token)
    }
}
