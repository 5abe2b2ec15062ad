public import Foundation
public import WineBoxConfig
import WineBoxDomain
import WineBoxServices
import WineBoxStorage
public import WineBoxSupport

/// Account administration from the command line (`winebox user …`), straight on the database.
///
/// It applies the same rules as the API: password policy, Argon2id hashing, the last active admin is never
/// removed, disabled or demoted, and every change is written to the audit trail (with no client address).
/// It can run while the server runs: SQLite serialises the writes.
public final class UserAdministration: Sendable {
    /// An account as the CLI lists it.
    public struct Summary: Sendable, Equatable {
        public let email: String
        public let fullName: String
        public let isAdmin: Bool
        public let isActive: Bool
        public let isVerified: Bool
        /// Whether an invitation to the account waits to be accepted.
        public let isInvited: Bool
        public let lastSignIn: Date?
    }

    private let database: Database
    private let pool: WorkerPool
    private let accounts: AccountService

    /// Opens (and if needed creates and migrates) the database in the configured data directory.
    public init(configuration: AppConfiguration, logger: Logger) async throws {
        database = try await Application.openDatabase(configuration: configuration)
        pool = WorkerPool(name: "argon2", threadCount: 1, maxQueuedJobs: 4)
        do {
            let auth = configuration.auth
            let hasher = PasswordHasher(
                parameters: auth.argon2Parameters,
                pool: pool)
            // The CLI never mints tokens, so the signing key is irrelevant here.
            accounts = try await AccountService(
                database: database, hasher: hasher,
                tokens: TokenService(secretKey: SecureRandom.hexString(byteCount: 32)),
                throttle: LoginThrottle(), policy: PasswordPolicy(), requiresVerification: false, logger: logger)
        } catch {
            pool.shutdown()
            await database.close()
            throw error
        }
    }

    /// Creates a verified account.
    public func add(email: String, password: String, fullName: String, isAdmin: Bool) async throws -> Summary {
        Summary(
            try await accounts.createUser(
                email: email, password: password, fullName: fullName, role: isAdmin ? .admin : .member, actor: nil,
                clientAddress: nil))
    }

    /// Every account, ordered by e-mail address.
    public func list() async throws -> [Summary] {
        try await accounts.users().map(Summary.init)
    }

    /// Enables or disables the account; returns false when it already was in that state.
    public func setActive(email: String, _ isActive: Bool) async throws -> Bool {
        let user = try await accounts.user(email: email)
        guard user.isActive != isActive else {
            return false
        }
        _ = try await accounts.setActive(isActive, userID: user.id, actor: nil, clientAddress: nil)
        return true
    }

    /// Sets a new password and signs the account out everywhere.
    public func setPassword(email: String, password: String) async throws {
        let user = try await accounts.user(email: email)
        _ = try await accounts.resetPassword(userID: user.id, to: password, actor: nil, clientAddress: nil)
    }

    /// Removes the account.
    public func remove(email: String) async throws {
        let user = try await accounts.user(email: email)
        try await accounts.removeUser(userID: user.id, actor: nil, clientAddress: nil)
    }

    /// Closes the database. Call once, at the end.
    public func close() async {
        pool.shutdown()
        await database.close()
    }
}

extension UserAdministration.Summary {
    init(_ user: User) {
        self.init(
            email: user.email.value, fullName: user.fullName, isAdmin: user.role == .admin, isActive: user.isActive,
            isVerified: user.isVerified, isInvited: user.invitedAt != nil,
            lastSignIn: user.lastSignInAt)
    }
}
