import Foundation
import Testing
import WineBoxServices
import WineBoxTesting

/// Invitations: `POST /api/admin/invitations` and `POST /api/auth/accept-invitation`, end to end through the server.
extension RecoveryTests {
    /// Signs in as the owner and invites `email`; returns the owner's token and the invitation's JSON.
    private func invite(
        _ email: String, role: String = "member", name: String? = nil, api: APIClient
    ) async throws -> (owner: String, invitation: [String: Any]) {
        let owner = try await api.signIn("owner@example.com", "correct horse battery")
        var body: [String: Any] = ["email": email, "role": role]
        body["full_name"] = name
        let response = try await api.send("POST", "/api/admin/invitations", json: body, token: owner)
        #expect(response.status == 201, "\(response.text)")
        return (owner, try response.json())
    }

    private func token(in link: String) -> String? {
        link.firstMatch(of: #/token=([A-Za-z0-9._%-]+)$/#).map { String($0.1).removingPercentEncoding ?? "" }
    }

    @Test func anInvitationMailsALinkThatChoosesThePasswordOnceAndSignsIn() async throws {
        try await withApplication { api, mailer in
            let (owner, invitation) = try await invite("Bob@Example.com", name: "Bob", api: api)
            let user = try #require(invitation["user"] as? [String: Any])
            #expect(user["email"] as? String == "bob@example.com")
            #expect(user["is_verified"] as? Bool == false)
            #expect(user["invited_at"] as? String == user["created_at"] as? String)
            #expect(invitation["mailed"] as? Bool == true)
            let listed = try await api.send("GET", "/api/admin/users", token: owner)
            let members = try #require(try listed.json()["items"] as? [[String: Any]])
            let invitedAt = members.map { ($0["email"] as? String ?? "", $0["invited_at"] as? String) }
            #expect(invitedAt.first { $0.0 == "bob@example.com" }?.1 != nil)
            #expect(invitedAt.first { $0.0 == "owner@example.com" }?.1 == nil)
            let link = try #require(invitation["invitation_link"] as? String)
            #expect(link.hasPrefix("http://localhost:8000/accept-invitation?token="))
            let mailed = try await mailer.token(sentTo: "bob@example.com")
            #expect(token(in: link) == mailed)
            let message = try #require(mailer.sent.last)
            #expect(message.subject == "You are invited to WineBox")
            #expect(message.textBody.contains("Owner has invited you"))
            #expect(message.textBody.contains("expires in 7 days."))

            let guessed = try await api.send(
                "POST", "/api/auth/login", json: ["email": "bob@example.com", "password": "correct horse battery"])
            #expect(guessed.status == 401)
            let weak = try await api.send(
                "POST", "/api/auth/accept-invitation", json: ["token": mailed, "password": "short"])
            #expect(weak.status == 422)

            let accepted = try await api.send(
                "POST", "/api/auth/accept-invitation",
                json: ["token": mailed, "password": "bob's own pass phrase", "full_name": "Robert"])
            #expect(accepted.status == 200)
            let session = try #require(try accepted.json()["access_token"] as? String)
            let me = try await api.send("GET", "/api/auth/me", token: session)
            #expect(try me.json()["full_name"] as? String == "Robert")
            #expect(try me.json()["is_verified"] as? Bool == true)
            #expect(try me.json()["invited_at"] == nil)
            _ = try await api.signIn("bob@example.com", "bob's own pass phrase")

            let reused = try await api.send(
                "POST", "/api/auth/accept-invitation", json: ["token": mailed, "password": "another pass phrase"])
            #expect(reused.status == 422)
            let again = try await api.send(
                "POST", "/api/admin/invitations", json: ["email": "bob@example.com"], token: owner)
            #expect(again.status == 409)

            let audit = try await api.send("GET", "/api/admin/audit?limit=100", token: owner)
            let kinds = (try audit.json()["items"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds.contains("user_invited"))
            #expect(kinds.contains("invitation_accepted"))
            #expect(!audit.text.contains(mailed))
        }
    }

    @Test func anInvitationThatCannotBeMailedStillGivesTheLinkToPassOn() async throws {
        try await withApplication { api, mailer in
            mailer.refuses = true
            let (_, invitation) = try await invite("dan@example.com", api: api)
            #expect(invitation["mailed"] as? Bool == false)
            #expect(mailer.sent.isEmpty)
            let link = try #require(invitation["invitation_link"] as? String)
            let passedOn = try #require(token(in: link))
            let accepted = try await api.send(
                "POST", "/api/auth/accept-invitation", json: ["token": passedOn, "password": "dan's own pass phrase"])
            #expect(accepted.status == 200)
        }
    }

    @Test func invitingAgainMakesTheOlderLinkUseless() async throws {
        try await withApplication { api, _ in
            let (_, first) = try await invite("carol@example.com", api: api)
            let (_, second) = try await invite("carol@example.com", role: "admin", api: api)
            let older = try #require(token(in: first["invitation_link"] as? String ?? ""))
            let newer = try #require(token(in: second["invitation_link"] as? String ?? ""))
            #expect((second["user"] as? [String: Any])?["role"] as? String == "admin")

            let stale = try await api.send(
                "POST", "/api/auth/accept-invitation", json: ["token": older, "password": "carol's pass phrase"])
            #expect(stale.status == 422)
            let accepted = try await api.send(
                "POST", "/api/auth/accept-invitation", json: ["token": newer, "password": "carol's pass phrase"])
            #expect(accepted.status == 200)
            let session = try await api.signIn("carol@example.com", "carol's pass phrase")
            #expect(try await api.send("GET", "/api/admin/users", token: session).status == 200)
        }
    }

    @Test func anAdminStillToAcceptAnInvitationIsNotEnoughToLeaveTheLastAdminGo() async throws {
        try await withApplication { api, _ in
            let (owner, invitation) = try await invite("erin@example.com", role: "admin", api: api)
            let ownerID = try #require(try await api.send("GET", "/api/auth/me", token: owner).json()["id"] as? String)
            let demoted = try await api.send(
                "PUT", "/api/admin/users/\(ownerID)/role", json: ["role": "member"], token: owner)
            #expect(demoted.status == 409)
            #expect(try await api.send("POST", "/api/admin/users/\(ownerID)/disable", token: owner).status == 409)

            let erinID = try #require((invitation["user"] as? [String: Any])?["id"] as? String)
            #expect(try await api.send("DELETE", "/api/admin/users/\(erinID)", token: owner).status == 204)
            let me = try await api.send("GET", "/api/auth/me", token: owner)
            #expect(try me.json()["is_admin"] as? Bool == true)
        }
    }

    @Test func invitationsNeedAnAdminValidInputAndTheirOwnKindOfLink() async throws {
        try await withApplication { api, mailer in
            let owner = try await api.signIn("owner@example.com", "correct horse battery")
            let created = try await api.send(
                "POST", "/api/admin/users",
                json: ["email": "member@example.com", "password": "a member pass phrase"], token: owner)
            #expect(created.status == 201)
            let member = try await api.signIn("member@example.com", "a member pass phrase")
            let body: [String: Any] = ["email": "dave@example.com"]
            #expect(try await api.send("POST", "/api/admin/invitations", json: body).status == 401)
            #expect(try await api.send("POST", "/api/admin/invitations", json: body, token: member).status == 403)
            let refusals: [([String: Any], Int)] = [
                (["email": "not an address"], 422), (["email": "dave@example.com", "password": "x"], 422),
                (["email": "dave@example.com", "role": "owner"], 400), (["full_name": "Dave"], 400),
            ]
            for (bad, status) in refusals {
                let response = try await api.send("POST", "/api/admin/invitations", json: bad, token: owner)
                #expect(response.status == status, "\(bad) → \(response.text)")
                #expect(try response.json()["detail"] is String)
            }
            let users = try await api.send("GET", "/api/admin/users", token: owner)
            #expect(!users.text.contains("dave@example.com"))

            _ = try await api.send("POST", "/api/auth/forgot-password", json: ["email": "owner@example.com"])
            let reset = try await mailer.token(sentTo: "owner@example.com")
            let wrongKind = try await api.send(
                "POST", "/api/auth/accept-invitation", json: ["token": reset, "password": "a takeover pass phrase"])
            #expect(wrongKind.status == 422)
            _ = try await api.signIn("owner@example.com", "correct horse battery")
        }
    }
}
