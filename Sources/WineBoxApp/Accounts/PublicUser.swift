import Foundation
import WineBoxDomain
import WineBoxSupport

/// A user as the API shows it: never the password hash or the session epoch.
struct PublicUser: Encodable, Sendable {
    let id: String
    let email: String
    let fullName: String
    let role: String
    let isAdmin: Bool
    let isActive: Bool
    let isVerified: Bool
    let createdAt: Date
    let updatedAt: Date
    let lastLogin: Date?
    /// Set while an invitation waits to be accepted; left out otherwise.
    let invitedAt: Date?

    init(_ user: User) {
        id = user.id
        email = user.email.value
        fullName = user.fullName
        role = user.role.rawValue
        isAdmin = user.role == .admin
        isActive = user.isActive
        isVerified = user.isVerified
        createdAt = user.createdAt
        updatedAt = user.updatedAt
        lastLogin = user.lastSignInAt
        invitedAt = user.invitedAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case email
        case fullName = "full_name"
        case role
        case isAdmin = "is_admin"
        case isActive = "is_active"
        case isVerified = "is_verified"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case lastLogin = "last_login"
        case invitedAt = "invited_at"
    }
}

extension PublicUser: JSONWritable {
    /// The same bytes as the `Encodable` conformance gives through `HTTPResponse.json` (keys sorted, absent dates
    /// left out), without `JSONEncoder`'s cost: `GET /api/auth/me` is among the most frequent requests.
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("created_at", createdAt)
            json.field("email", email)
            json.field("full_name", fullName)
            json.field("id", id)
            if let invitedAt {
                json.field("invited_at", invitedAt)
            }
            json.field("is_active", isActive)
            json.field("is_admin", isAdmin)
            json.field("is_verified", isVerified)
            if let lastLogin {
                json.field("last_login", lastLogin)
            }
            json.field("role", role)
            json.field("updated_at", updatedAt)
        }
    }
}
