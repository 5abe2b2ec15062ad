import Foundation
import WineBoxDomain
import WineBoxHTTP
import WineBoxWeb

/// Registration, verification, password-reset and invitation endpoints, all public, plus the mail links' landing
/// pages.
enum RecoveryRoutes {
    struct RegisterBody: StrictJSONBody {
        let email: String
        let password: String
        let fullName: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case email
            case password
            case fullName = "full_name"
        }
    }

    struct TokenBody: StrictJSONBody {
        let token: String

        enum CodingKeys: String, CodingKey, CaseIterable {
            case token
        }
    }

    struct EmailBody: StrictJSONBody {
        let email: String

        enum CodingKeys: String, CodingKey, CaseIterable {
            case email
        }
    }

    struct ResetBody: StrictJSONBody {
        let token: String
        let newPassword: String

        enum CodingKeys: String, CodingKey, CaseIterable {
            case token
            case newPassword = "new_password"
        }
    }

    struct AcceptInvitationBody: StrictJSONBody {
        let token: String
        let password: String
        let fullName: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case token
            case password
            case fullName = "full_name"
        }
    }

    struct Pending: Encodable {
        let status = "pending_verification"
        let message: String
    }

    /// The one answer to every address-only request, whether or not the account exists.
    static let acknowledgement = AuthRoutes.Message(
        message: "If an account with that address can receive it, a mail is on its way.")

    static func register(on router: inout Router, accounts: AccountService) {
        router.add(.post, "/api/auth/register", access: .public) { request, context in
            let body = try request.decodeStrictJSON(RegisterBody.self)
            switch try await accounts.register(
                email: body.email, password: body.password, fullName: body.fullName ?? "",
                clientAddress: context.clientAddress)
            {
            case .created(let user):
                return .json(PublicUser(user), status: .created)
            case .pending:
                return .json(
                    Pending(message: "Check your mailbox for a link to confirm the address."), status: .accepted)
            }
        }

        router.add(.post, "/api/auth/verify", access: .public) { request, context in
            let body = try request.decodeStrictJSON(TokenBody.self)
            return .json(PublicUser(try await accounts.verify(token: body.token, clientAddress: context.clientAddress)))
        }

        router.add(.post, "/api/auth/resend-verification", access: .public) { request, _ in
            try accounts.resendVerification(email: try request.decodeStrictJSON(EmailBody.self).email)
            return .json(acknowledgement, status: .accepted)
        }

        router.add(.post, "/api/auth/forgot-password", access: .public) { request, context in
            try accounts.forgotPassword(
                email: try request.decodeStrictJSON(EmailBody.self).email, clientAddress: context.clientAddress)
            return .json(acknowledgement, status: .accepted)
        }

        router.add(.post, "/api/auth/reset-password", access: .public) { request, context in
            let body = try request.decodeStrictJSON(ResetBody.self)
            try await accounts.resetPassword(
                token: body.token, newPassword: body.newPassword, clientAddress: context.clientAddress)
            return .json(AuthRoutes.Message(message: "Your password has been reset. Please sign in."))
        }

        router.add(.post, "/api/auth/accept-invitation", access: .public) { request, context in
            let body = try request.decodeStrictJSON(AcceptInvitationBody.self)
            let grant = try await accounts.acceptInvitation(
                token: body.token, password: body.password, fullName: body.fullName,
                clientAddress: context.clientAddress)
            return .json(grant)
        }

        // Mail links land on the web interface, whose screens read the token from the fragment.
        let landings = [
            ("/verify", "verify"), ("/reset-password", "reset-password"), ("/accept-invitation", "accept-invitation"),
        ]
        for (path, screen) in landings {
            router.add(
                .get, path, access: .public,
                inline: { request, _ in
                    let token = request.queryValue("token") ?? ""
                    let encoded =
                        token.addingPercentEncoding(
                            withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-_."))) ?? ""
                    return HTTPResponse(
                        status: HTTPStatus(302, "Found"),
                        headers: ["Location": "/#\(screen)?token=\(encoded)", "Cache-Control": "no-store"])
                })
        }
    }
}
