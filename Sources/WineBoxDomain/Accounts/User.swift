public import Foundation

/// A member of the household who can sign in.
public struct User: Sendable, Equatable, Identifiable {
    /// A random UUID, lower-case.
    public let id: String
    public var email: EmailAddress
    /// The Argon2id hash in PHC string form. Never leaves the server.
    public var passwordHash: String
    public var fullName: String
    public var role: Role
    /// Disabled accounts cannot sign in and their tokens stop working.
    public var isActive: Bool
    /// Whether the address has been confirmed (or the account was created by an admin).
    public var isVerified: Bool
    public var createdAt: Date
    public var updatedAt: Date
    /// The last successful sign-in.
    public var lastSignInAt: Date?
    /// Incremented by "sign out everywhere" (password change or reset, disabling): tokens carry the epoch they
    /// were issued in and are refused once it has moved on.
    public var sessionEpoch: Int64
    /// When an admin invited this account, while the invitation waits to be accepted; nil otherwise.
    public var invitedAt: Date?

    public init(
        id: String, email: EmailAddress, passwordHash: String, fullName: String, role: Role, isActive: Bool,
        isVerified: Bool, createdAt: Date, updatedAt: Date, lastSignInAt: Date?, sessionEpoch: Int64,
        invitedAt: Date? = nil
    ) {
        self.id = id
        self.email = email
        self.passwordHash = passwordHash
        self.fullName = fullName
        self.role = role
        self.isActive = isActive
        self.isVerified = isVerified
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.lastSignInAt = lastSignInAt
        self.sessionEpoch = sessionEpoch
        self.invitedAt = invitedAt
    }
}
