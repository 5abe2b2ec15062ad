import Foundation
import WineBoxDomain
import WineBoxHTTP
import WineBoxWeb

/// `/api/auth/*`: signing in and out, the caller's own account, first-run setup.
enum AuthRoutes {
    struct SignInBody: StrictJSONBody {
        let email: String
        let password: String

        enum CodingKeys: String, CodingKey, CaseIterable {
            case email
            case password
        }
    }

    struct ChangePasswordBody: StrictJSONBody {
        let currentPassword: String
        let newPassword: String

        enum CodingKeys: String, CodingKey, CaseIterable {
            case currentPassword = "current_password"
            case newPassword = "new_password"
        }
    }

    struct ProfileBody: StrictJSONBody {
        let fullName: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case fullName = "full_name"
        }
    }

    struct SetupBody: StrictJSONBody {
        let token: String
        let email: String
        let password: String
        let fullName: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case token
            case email
            case password
            case fullName = "full_name"
        }
    }

    struct Message: Encodable {
        let message: String
    }

    static func register(on router: inout Router, accounts: AccountService) {
        // The earlier WineBox's form sign-in, kept for existing scripts: `username` is the e-mail address.
        router.add(.post, "/api/auth/token", access: .public) { request, context in
            let fields = try request.formFields()
            let username = fields.first { $0.name == "username" }?.value ?? ""
            let password = fields.first { $0.name == "password" }?.value ?? ""
            guard !username.isEmpty, !password.isEmpty else {
                throw WineBoxError(.invalidInput, "Both username and password are required")
            }
            let grant = try await accounts.signIn(
                email: username, password: password, clientAddress: context.clientAddress)
            return .json(grant)
        }

        router.add(.post, "/api/auth/login", access: .public) { request, context in
            let body = try request.decodeStrictJSON(SignInBody.self)
            let grant = try await accounts.signIn(
                email: body.email, password: body.password, clientAddress: context.clientAddress)
            return .json(grant)
        }

        router.add(.post, "/api/auth/logout") { _, context in
            try await accounts.signOut(try context.requireSignedIn(), clientAddress: context.clientAddress)
            return .json(Message(message: "Signed out"))
        }

        // The caller's own account is in the admission itself: answered on the server thread when the session is
        // known from memory.
        router.add(
            .get, "/api/auth/me",
            fromCache: { _, context in context.signedIn.map { .json(writing: PublicUser($0.user)) } },
            otherwise: { _, context in .json(writing: PublicUser(try context.requireSignedIn().user)) })

        router.add(.patch, "/api/auth/me") { request, context in
            let body = try request.decodeStrictJSON(ProfileBody.self)
            var user = try context.requireSignedIn().user
            if let fullName = body.fullName {
                user = try await accounts.updateProfile(try context.requireSignedIn(), fullName: fullName)
            }
            return .json(PublicUser(user))
        }

        router.add(.post, "/api/auth/change-password") { request, context in
            let body = try request.decodeStrictJSON(ChangePasswordBody.self)
            let grant = try await accounts.changePassword(
                try context.requireSignedIn(), current: body.currentPassword, new: body.newPassword,
                clientAddress: context.clientAddress)
            return .json(grant)
        }

        router.add(.post, "/api/setup", access: .public) { request, context in
            let body = try request.decodeStrictJSON(SetupBody.self)
            let grant = try await accounts.completeFirstRun(
                code: body.token, email: body.email, password: body.password, fullName: body.fullName ?? "",
                clientAddress: context.clientAddress)
            return .json(grant, status: .created)
        }
    }
}
