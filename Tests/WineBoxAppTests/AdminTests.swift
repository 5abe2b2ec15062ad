import Foundation
import Testing
import WineBoxConfig
import WineBoxHTTP
import WineBoxTesting
import WineBoxWeb

@testable import WineBoxApp

@Suite struct AdminTests {
    @Test func adminsManageAccountsAndMembersCannot() async throws {
        try await withSignedUpApplication { _, api in
            let admin = try await api.signIn("owner@example.com", "correct horse battery")
            let created = try await api.send(
                "POST", "/api/admin/users",
                json: ["email": "Member@Example.com", "password": "member pass phrase", "full_name": "Mem"],
                token: admin)
            #expect(created.status == 201)
            let memberID = try #require(try created.json()["id"] as? String)
            let member = try await api.signIn("member@example.com", "member pass phrase")
            #expect(try await api.send("GET", "/api/admin/users", token: member).status == 403)
            #expect(try await api.send("GET", "/api/auth/me", token: member).status == 200)

            #expect(try await api.send("POST", "/api/admin/users/\(memberID)/disable", token: admin).status == 200)
            #expect(try await api.send("GET", "/api/auth/me", token: member).status == 401)
            let disabledSignIn = try await api.send(
                "POST", "/api/auth/login", json: ["email": "member@example.com", "password": "member pass phrase"])
            #expect(disabledSignIn.status == 403)
            #expect(try await api.send("POST", "/api/admin/users/\(memberID)/enable", token: admin).status == 200)

            let promoted = try await api.send(
                "PUT", "/api/admin/users/\(memberID)/role", json: ["role": "admin"], token: admin)
            #expect(try promoted.json()["is_admin"] as? Bool == true)
            #expect(try await api.send("DELETE", "/api/admin/users/\(memberID)", token: admin).status == 204)

            let duplicate = try await api.send(
                "POST", "/api/admin/users", json: ["email": "owner@example.com", "password": "member pass phrase"],
                token: admin)
            #expect(duplicate.status == 409)

            let audit = try await api.send("GET", "/api/admin/audit?limit=100", token: admin)
            let kinds = (try audit.json()["items"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds.contains("user_created"))
            #expect(kinds.contains("user_disabled"))
            #expect(kinds.contains("user_removed"))
            #expect(kinds.contains("sign_in"))
            #expect(!audit.text.contains("member pass phrase"))
        }
    }

    @Test func theLastAdminCannotBeRemovedDisabledOrDemoted() async throws {
        try await withSignedUpApplication { application, api in
            let admin = try await api.signIn("owner@example.com", "correct horse battery")
            let ownerID = try #require(try await api.send("GET", "/api/auth/me", token: admin).json()["id"] as? String)
            #expect(try await api.send("DELETE", "/api/admin/users/\(ownerID)", token: admin).status == 409)
            #expect(try await api.send("POST", "/api/admin/users/\(ownerID)/disable", token: admin).status == 409)
            let demote = try await api.send(
                "PUT", "/api/admin/users/\(ownerID)/role", json: ["role": "member"], token: admin)
            #expect(demote.status == 409)
        }
    }

    @Test func everyRouteExceptThePublicOnesAnswers401WithoutAToken() async throws {
        try await withSignedUpApplication { application, api in
            let routes = Application.makeRouter(
                configuration: application.configuration, accounts: application.accounts,
                cellar: application.cellar, labelImages: application.labelImages, scanner: application.scanner,
                now: { Date() }
            )
            .routes
            let publicRoutes = Set(routes.filter { $0.access == .public }.map { "\($0.method) \($0.pattern)" })
            #expect(
                publicRoutes == [
                    "GET /health", "POST /api/auth/login", "POST /api/auth/token", "POST /api/setup",
                    "POST /api/auth/register", "POST /api/auth/verify", "POST /api/auth/resend-verification",
                    "POST /api/auth/forgot-password", "POST /api/auth/reset-password", "GET /verify",
                    "GET /reset-password", "GET /openapi.json", "POST /api/auth/accept-invitation",
                    "GET /accept-invitation",
                ])
            for route in routes where route.access != .public {
                let path = route.pattern.replacingOccurrences(of: #"\{[^}]+\}"#, with: "x", options: .regularExpression)
                let response = try await api.send(route.method.rawValue, path)
                #expect(response.status == 401, "\(route.method) \(route.pattern)")
                #expect(response.header("WWW-Authenticate") == "Bearer")
            }
        }
    }
}
