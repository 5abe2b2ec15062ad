import Foundation
import WineBoxDomain
import WineBoxHTTP
import WineBoxStorage
import WineBoxWeb

/// `/api/admin/*`: managing the household's accounts (created with a password or invited by mail) and reading the
/// audit trail. Admins only.
enum AdminRoutes {
    struct CreateUserBody: StrictJSONBody {
        let email: String
        let password: String
        let fullName: String?
        let role: Role?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case email
            case password
            case fullName = "full_name"
            case role
        }
    }

    struct InvitationBody: StrictJSONBody {
        let email: String
        let fullName: String?
        let role: Role?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case email
            case fullName = "full_name"
            case role
        }
    }

    /// The answer to an invitation: the account, and the link for the admin to pass on if no mail arrives.
    struct InvitationAnswer: Encodable {
        let user: PublicUser
        let invitationLink: String
        let expiresAt: Date
        let mailed: Bool

        enum CodingKeys: String, CodingKey {
            case user
            case invitationLink = "invitation_link"
            case expiresAt = "expires_at"
            case mailed
        }
    }

    struct RoleBody: StrictJSONBody {
        let role: Role

        enum CodingKeys: String, CodingKey, CaseIterable {
            case role
        }
    }

    struct UserList: Encodable {
        let items: [PublicUser]
        let total: Int
    }

    struct AuditPage: Encodable {
        let items: [AuditEvent]
        let total: Int
        let skip: Int
        let limit: Int
    }

    static func register(on router: inout Router, accounts: AccountService) {
        router.add(.get, "/api/admin/users", access: .admin) { _, _ in
            let users = try await accounts.users().map(PublicUser.init)
            return .json(UserList(items: users, total: users.count))
        }

        router.add(.post, "/api/admin/users", access: .admin) { request, context in
            let body = try request.decodeStrictJSON(CreateUserBody.self)
            let user = try await accounts.createUser(
                email: body.email, password: body.password, fullName: body.fullName ?? "", role: body.role ?? .member,
                actor: try context.requireSignedIn().user.id, clientAddress: context.clientAddress)
            return .json(PublicUser(user), status: .created)
        }

        router.add(.post, "/api/admin/invitations", access: .admin) { request, context in
            let body = try request.decodeStrictJSON(InvitationBody.self)
            let invitation = try await accounts.invite(
                email: body.email, fullName: body.fullName ?? "", role: body.role ?? .member,
                inviter: try context.requireSignedIn().user, clientAddress: context.clientAddress)
            return .json(
                InvitationAnswer(
                    user: PublicUser(invitation.user), invitationLink: invitation.link,
                    expiresAt: invitation.expiresAt, mailed: invitation.mailed),
                status: .created)
        }

        router.add(.post, "/api/admin/users/{id}/disable", access: .admin) { _, context in
            let user = try await accounts.setActive(
                false, userID: try context.parameters.require("id"), actor: try context.requireSignedIn().user.id,
                clientAddress: context.clientAddress)
            return .json(PublicUser(user))
        }

        router.add(.post, "/api/admin/users/{id}/enable", access: .admin) { _, context in
            let user = try await accounts.setActive(
                true, userID: try context.parameters.require("id"), actor: try context.requireSignedIn().user.id,
                clientAddress: context.clientAddress)
            return .json(PublicUser(user))
        }

        router.add(.put, "/api/admin/users/{id}/role", access: .admin) { request, context in
            let body = try request.decodeStrictJSON(RoleBody.self)
            let user = try await accounts.setRole(
                body.role, userID: try context.parameters.require("id"), actor: try context.requireSignedIn().user.id,
                clientAddress: context.clientAddress)
            return .json(PublicUser(user))
        }

        router.add(.delete, "/api/admin/users/{id}", access: .admin) { _, context in
            try await accounts.removeUser(
                userID: try context.parameters.require("id"), actor: try context.requireSignedIn().user.id,
                clientAddress: context.clientAddress)
            return .noContent
        }

        router.add(.get, "/api/admin/audit", access: .admin) { request, _ in
            let fields = try InputFields(query: request)
            let skip = try fields.integer("skip", range: 0...1_000_000) ?? 0
            let limit = try fields.integer("limit", range: 1...200) ?? 50
            let kind = request.queryValue("kind")
            let (events, total) = try await accounts.database.read { connection in
                (
                    try AuditLog.events(kind: kind, limit: limit, offset: skip, in: connection),
                    try AuditLog.count(kind: kind, in: connection)
                )
            }
            return .json(AuditPage(items: events, total: total, skip: skip, limit: limit))
        }
    }
}
