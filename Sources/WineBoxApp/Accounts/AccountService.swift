import Foundation
import Synchronization
import WineBoxDomain
import WineBoxServices
import WineBoxStorage
import WineBoxSupport

/// Accounts: signing in and out, passwords, first-run setup and administration, with the audit trail.
///
/// Every sign-in runs the lockout check before any password hashing, and an unknown address is checked against a
/// dummy hash with the same parameters, so a wrong password and an unknown account cost the same time.
final class AccountService: Sendable {
    let database: Database
    let hasher: PasswordHasher
    let tokens: TokenService
    let throttle: LoginThrottle
    let policy: PasswordPolicy
    let logger: Logger
    let now: @Sendable () -> Date
    /// The monotonic time the lockout counts in; injectable so tests can move it.
    let instant: @Sendable () -> ContinuousClock.Instant
    /// Whether a new account must confirm its address before signing in.
    let requiresVerification: Bool
    /// Whether anyone may register (`/api/auth/register`).
    let registrationEnabled: Bool
    /// Verification and reset mails; nil where no mail is sent (the CLI).
    let mail: AccountMail?
    /// A hash of a random password, verified when the e-mail is unknown so timing does not reveal accounts.
    private let dummyHash: String
    /// The one-time first-run code while there are no accounts; nil once an account exists.
    private let setupCode = Mutex<String?>(nil)

    init(
        database: Database, hasher: PasswordHasher, tokens: TokenService, throttle: LoginThrottle,
        policy: PasswordPolicy, requiresVerification: Bool, registrationEnabled: Bool = false,
        mail: AccountMail? = nil, logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() },
        instant: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) async throws {
        self.database = database
        self.hasher = hasher
        self.tokens = tokens
        self.throttle = throttle
        self.policy = policy
        self.requiresVerification = requiresVerification
        self.registrationEnabled = registrationEnabled
        self.mail = mail
        self.logger = logger
        self.now = now
        self.instant = instant
        dummyHash = try await hasher.hash(SecureRandom.hexString(byteCount: 16))
    }

    /// The dummy hash, for the test that checks it costs as much as a real one.
    var dummyHashForTesting: String { dummyHash }

    // MARK: - Signing in and out

    /// Checks `password` for `email` from `clientAddress` and mints a session token.
    ///
    /// - Throws: ``WineBoxError`` `.rateLimited` while locked out, `.unauthenticated` for a wrong address or
    ///   password (one message for both), `.forbidden` for a disabled or unverified account.
    func signIn(email rawEmail: String, password: String, clientAddress: String) async throws -> SessionGrant {
        let accountKey = rawEmail.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if case .locked(let retryAfter) = throttle.check(account: accountKey, address: clientAddress, now: instant()) {
            throw WineBoxError(
                .rateLimited, "Too many failed sign-ins. Try again in \(Self.minutes(retryAfter)).",
                retryAfterSeconds: retryAfter)
        }
        guard password.count <= policy.maximumLength else {
            throw WineBoxError(.invalidInput, "The password can have at most \(policy.maximumLength) characters")
        }

        let user = try? await database.read { try UserStore.find(email: EmailAddress(rawEmail), in: $0) }
        let matches = try await hasher.verify(password, against: user?.passwordHash ?? dummyHash)
        guard let user, matches else {
            let locked = throttle.recordFailure(account: accountKey, address: clientAddress, now: instant())
            let masked = (try? EmailAddress(rawEmail).masked) ?? "invalid address"
            await audit(
                locked ? "lockout" : "sign_in_failed", subject: user?.id, address: clientAddress, detail: masked)
            throw WineBoxError(.unauthenticated, "Invalid email or password")
        }
        guard user.isActive else {
            throw WineBoxError(.forbidden, "Account is disabled")
        }
        guard user.isVerified || !requiresVerification else {
            throw WineBoxError(.forbidden, "Email address has not been verified")
        }
        throttle.recordSuccess(account: accountKey, address: clientAddress, now: instant())

        let rehashed = hasher.needsRehash(user.passwordHash) ? try await hasher.hash(password) : nil
        let signedInAt = now()
        try await database.write { connection in
            guard var current = try UserStore.find(id: user.id, in: connection) else {
                return
            }
            current.lastSignInAt = signedInAt
            if let rehashed {
                current.passwordHash = rehashed
            }
            try UserStore.update(current, in: connection)
        }
        await audit("sign_in", actor: user.id, address: clientAddress)
        return grant(for: user)
    }

    /// Revokes the presented token until it would have expired.
    func signOut(_ signedIn: SignedIn, clientAddress: String) async throws {
        let expiry = Date(timeIntervalSince1970: TimeInterval(signedIn.claims.exp))
        let cutoff = now()
        try await database.write { connection in
            try RevokedTokenStore.revoke(jti: signedIn.claims.jti, expiresAt: expiry, in: connection)
            try RevokedTokenStore.prune(before: cutoff, in: connection)
        }
        await audit("sign_out", actor: signedIn.user.id, address: clientAddress)
    }

    /// Changes the caller's password, signs out every session, and returns a fresh token for the caller.
    func changePassword(
        _ signedIn: SignedIn, current: String, new: String, clientAddress: String
    ) async throws -> SessionGrant {
        guard try await hasher.verify(current, against: signedIn.user.passwordHash) else {
            throw WineBoxError(.invalidInput, "Current password is incorrect")
        }
        guard current != new else {
            throw WineBoxError(.invalidInput, "The new password must differ from the current one")
        }
        try policy.validate(new, email: signedIn.user.email.value)
        let hash = try await hasher.hash(new)
        let changedAt = now()
        let updated = try await database.write { connection -> User in
            guard var user = try UserStore.find(id: signedIn.user.id, in: connection) else {
                throw WineBoxError(.notFound, "User not found")
            }
            user.passwordHash = hash
            user.sessionEpoch += 1
            user.updatedAt = changedAt
            try UserStore.update(user, in: connection)
            return user
        }
        throttle.recordSuccess(account: updated.email.value, address: clientAddress, now: instant())
        await audit("password_changed", actor: updated.id, address: clientAddress)
        return grant(for: updated)
    }

    /// Changes the caller's display name.
    func updateProfile(_ signedIn: SignedIn, fullName: String) async throws -> User {
        let name = try FullName.validated(fullName)
        let changedAt = now()
        return try await database.write { connection in
            guard var user = try UserStore.find(id: signedIn.user.id, in: connection) else {
                throw WineBoxError(.notFound, "User not found")
            }
            user.fullName = name
            user.updatedAt = changedAt
            try UserStore.update(user, in: connection)
            return user
        }
    }

    func grant(for user: User) -> SessionGrant {
        let (token, claims) = tokens.issue(
            subject: user.id, purpose: .session, sessionEpoch: user.sessionEpoch, now: now())
        return SessionGrant(accessToken: token, expiresIn: claims.exp - claims.iat)
    }

    // MARK: - First run

    /// Creates a one-time setup code when there are no accounts yet; nil when there are.
    func prepareFirstRun() async throws -> String? {
        let userCount = try await database.read { try UserStore.count(in: $0) }
        guard userCount == 0 else {
            return nil
        }
        let code = SecureRandom.hexString(byteCount: 24)
        setupCode.withLock { $0 = code }
        return code
    }

    /// Creates the first admin, if `code` is the current setup code and there are still no accounts.
    func completeFirstRun(
        code: String, email: String, password: String, fullName: String, clientAddress: String
    ) async throws -> SessionGrant {
        let expected = setupCode.withLock { $0 }
        guard let expected, Digest.constantTimeEquals(Array(expected.utf8), Array(code.utf8)) else {
            throw WineBoxError(.forbidden, "This WineBox is already set up, or the setup code is wrong")
        }
        let admin = try await createUser(
            email: email, password: password, fullName: fullName, role: .admin, actor: nil,
            clientAddress: clientAddress, onlyIfEmpty: true)
        setupCode.withLock { $0 = nil }
        return grant(for: admin)
    }

    // MARK: - Administration

    /// Creates an account (verified: an admin or the first-run owner vouches for it).
    ///
    /// - Parameter onlyIfEmpty: refuse unless there are no accounts yet (first-run setup).
    func createUser(
        email rawEmail: String, password: String, fullName: String, role: Role, actor: String?,
        clientAddress: String?, onlyIfEmpty: Bool = false
    ) async throws -> User {
        let email = try EmailAddress(rawEmail)
        let name = try FullName.validated(fullName)
        try policy.validate(password, email: email.value)
        let hash = try await hasher.hash(password)
        let createdAt = now()
        let user = User(
            id: UUID().uuidString.lowercased(), email: email, passwordHash: hash, fullName: name, role: role,
            isActive: true, isVerified: true, createdAt: createdAt, updatedAt: createdAt, lastSignInAt: nil,
            sessionEpoch: 0)
        try await database.write { connection in
            if onlyIfEmpty, try UserStore.count(in: connection) > 0 {
                throw WineBoxError(.forbidden, "This WineBox is already set up")
            }
            try UserStore.insert(user, in: connection)
        }
        await audit("user_created", actor: actor, subject: user.id, address: clientAddress, detail: role.rawValue)
        return user
    }

    func users() async throws -> [User] {
        try await database.read { try UserStore.all(in: $0) }
    }

    /// Enables or disables an account. Disabling signs it out everywhere.
    func setActive(_ isActive: Bool, userID: String, actor: String?, clientAddress: String?) async throws -> User {
        let kind = isActive ? "user_enabled" : "user_disabled"
        return try await modifyUser(userID, kind: kind, actor: actor, address: clientAddress) { user, connection in
            if !isActive && user.role == .admin && user.isActive {
                try Self.requireAnotherAdmin(besides: user.id, connection)
            }
            user.isActive = isActive
            if !isActive {
                user.sessionEpoch += 1
            }
        }
    }

    /// Makes an account an admin or a member.
    func setRole(_ role: Role, userID: String, actor: String?, clientAddress: String?) async throws -> User {
        try await modifyUser(userID, kind: "role_changed", actor: actor, address: clientAddress, detail: role.rawValue)
        {
            user, connection in
            if role != .admin && user.role == .admin && user.isActive {
                try Self.requireAnotherAdmin(besides: user.id, connection)
            }
            user.role = role
        }
    }

    /// Sets a new password for an account (admin or CLI) and signs it out everywhere.
    func resetPassword(userID: String, to password: String, actor: String?, clientAddress: String?) async throws
        -> User
    {
        let target = try await database.read { try UserStore.find(id: userID, in: $0) }
        guard let target else {
            throw WineBoxError(.notFound, "User not found")
        }
        try policy.validate(password, email: target.email.value)
        let hash = try await hasher.hash(password)
        return try await modifyUser(userID, kind: "password_reset", actor: actor, address: clientAddress) { user, _ in
            user.passwordHash = hash
            user.sessionEpoch += 1
        }
    }

    /// Removes an account. The last active admin cannot be removed.
    func removeUser(userID: String, actor: String?, clientAddress: String?) async throws {
        try await database.write { connection in
            guard let user = try UserStore.find(id: userID, in: connection) else {
                throw WineBoxError(.notFound, "User not found")
            }
            if user.role == .admin && user.isActive {
                try Self.requireAnotherAdmin(besides: user.id, connection)
            }
            try UserStore.delete(id: userID, in: connection)
        }
        await audit("user_removed", actor: actor, subject: userID, address: clientAddress)
    }

    func user(email: String) async throws -> User {
        let address = try EmailAddress(email)
        guard let user = try await database.read({ try UserStore.find(email: address, in: $0) }) else {
            throw WineBoxError(.notFound, "No account with that e-mail address")
        }
        return user
    }

    private func modifyUser(
        _ userID: String, kind: String, actor: String?, address: String?, detail: String = "",
        _ change: @escaping @Sendable (inout User, Connection) throws -> Void
    ) async throws -> User {
        let changedAt = now()
        let updated = try await database.write { connection -> User in
            guard var user = try UserStore.find(id: userID, in: connection) else {
                throw WineBoxError(.notFound, "User not found")
            }
            try change(&user, connection)
            user.updatedAt = changedAt
            try UserStore.update(user, in: connection)
            return user
        }
        await audit(kind, actor: actor, subject: userID, address: address, detail: detail)
        return updated
    }

    /// Refuses a change that would leave no admin able to sign in once `userID` is removed, disabled or demoted.
    private static func requireAnotherAdmin(besides userID: String, _ connection: Connection) throws {
        guard try UserStore.usableAdminCount(excluding: userID, in: connection) > 0 else {
            throw WineBoxError(.conflict, "The last active admin cannot be removed, disabled or demoted")
        }
    }

    // MARK: - Audit trail

    /// Records a security event in the audit table and the log. Never given secrets; a failure to record is
    /// logged and does not fail the request.
    func audit(
        _ kind: String, actor: String? = nil, subject: String? = nil, address: String? = nil, detail: String = ""
    ) async {
        let event = AuditEvent(
            occurredAt: now(), kind: kind, actorID: actor, subjectID: subject, clientAddress: address, detail: detail)
        var fields: [(String, String)] = [("event", kind)]
        if let actor { fields.append(("actor_id", actor)) }
        if let subject { fields.append(("subject_id", subject)) }
        if let address { fields.append(("client", address)) }
        if !detail.isEmpty { fields.append(("detail", detail)) }
        logger.notice("Security event", fields)
        do {
            try await database.write { try AuditLog.record(event, in: $0) }
        } catch {
            logger.error("Could not record a security event", [("event", kind), ("error", String(describing: error))])
        }
    }

    static func minutes(_ seconds: Int) -> String {
        let minutes = (seconds + 59) / 60
        return minutes == 1 ? "1 minute" : "\(minutes) minutes"
    }
}
