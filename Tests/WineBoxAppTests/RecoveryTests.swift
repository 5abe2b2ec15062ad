import Foundation
import Synchronization
import Testing
import WineBoxConfig
import WineBoxDomain
import WineBoxServices
import WineBoxSupport
import WineBoxTesting

@testable import WineBoxApp

/// Keeps every mail instead of sending it; or, once `refuses` is set, refuses every mail as a broken backend would.
final class RecordingMailer: Mailer {
    private let messages = Mutex<[MailMessage]>([])
    private let refusing = Mutex(false)

    var refuses: Bool {
        get { refusing.withLock { $0 } }
        set { refusing.withLock { $0 = newValue } }
    }

    func send(_ message: MailMessage) async throws {
        if refuses {
            throw RawHTTPClient.ClientError("the mail server refused the message")
        }
        messages.withLock { $0.append(message) }
    }

    var sent: [MailMessage] { messages.withLock { $0 } }

    /// Waits (briefly) for a mail to `address` and returns the token in its link.
    func token(sentTo address: String) async throws -> String {
        for _ in 0..<200 {
            if let message = sent.last(where: { $0.to == address }),
                let match = message.textBody.firstMatch(of: #/token=([A-Za-z0-9._%-]+)/#)
            {
                return String(match.1).removingPercentEncoding ?? String(match.1)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw RawHTTPClient.ClientError("no mail to \(address)")
    }
}

@Suite struct RecoveryTests {
    func withApplication(
        registration: Bool = false, _ body: (APIClient, RecordingMailer) async throws -> Void
    ) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var configuration = AppConfiguration.forTests(dataDirectory: directory.file("data"))
        configuration.auth.registrationEnabled = registration
        let mailer = RecordingMailer()
        let application = try await Application(
            configuration: configuration, secrets: .forTests, logger: .disabled, mailer: mailer)
        _ = try await application.accounts.createUser(
            email: "owner@example.com", password: "correct horse battery", fullName: "Owner", role: .admin, actor: nil,
            clientAddress: nil)
        try application.start()
        do {
            try await body(APIClient(port: application.port), mailer)
        } catch {
            await application.shutdown(gracePeriod: .seconds(1))
            throw error
        }
        await application.shutdown(gracePeriod: .seconds(1))
    }

    @Test func forgotPasswordAnswersAlikeAndTheMailedLinkResetsOnce() async throws {
        try await withApplication { api, mailer in
            let session = try await api.signIn("owner@example.com", "correct horse battery")
            let known = try await api.send("POST", "/api/auth/forgot-password", json: ["email": "owner@example.com"])
            let unknown = try await api.send("POST", "/api/auth/forgot-password", json: ["email": "nobody@example.com"])
            #expect(known.status == 202)
            #expect(unknown.status == 202)
            #expect(known.text == unknown.text)

            let token = try await mailer.token(sentTo: "owner@example.com")
            #expect(!mailer.sent.contains { $0.to == "nobody@example.com" })
            let reset = try await api.send(
                "POST", "/api/auth/reset-password", json: ["token": token, "new_password": "a fresh new passphrase"])
            #expect(reset.status == 200)
            #expect(try await api.send("GET", "/api/auth/me", token: session).status == 401)
            _ = try await api.signIn("owner@example.com", "a fresh new passphrase")
            let reused = try await api.send(
                "POST", "/api/auth/reset-password", json: ["token": token, "new_password": "yet another passphrase"])
            #expect(reused.status == 422)
            #expect(try await api.send("POST", "/api/auth/verify", json: ["token": token]).status == 422)
            #expect(
                try await api.send(
                    "POST", "/api/auth/reset-password", json: ["token": session, "new_password": "x y z w v u"]
                ).status == 422)
        }
    }

    @Test func registrationIsOffByDefault() async throws {
        try await withApplication { api, _ in
            let response = try await api.send(
                "POST", "/api/auth/register", json: ["email": "new@example.com", "password": "a new member phrase"])
            #expect(response.status == 403)
        }
    }

    @Test func registrationWaitsForTheVerificationLink() async throws {
        try await withApplication(registration: true) { api, mailer in
            let registered = try await api.send(
                "POST", "/api/auth/register", json: ["email": "new@example.com", "password": "a new member phrase"])
            #expect(registered.status == 202)
            let token = try await mailer.token(sentTo: "new@example.com")
            let early = try await api.send(
                "POST", "/api/auth/login", json: ["email": "new@example.com", "password": "a new member phrase"])
            #expect(early.status == 403)
            let verified = try await api.send("POST", "/api/auth/verify", json: ["token": token])
            #expect(verified.status == 200)
            #expect(try verified.json()["is_verified"] as? Bool == true)
            _ = try await api.signIn("new@example.com", "a new member phrase")
            #expect(try await api.send("POST", "/api/auth/verify", json: ["token": token]).status == 422)

            let existing = try await api.send(
                "POST", "/api/auth/register", json: ["email": "owner@example.com", "password": "someone else phrase"])
            #expect(existing.status == 202)
            _ = try await api.signIn("owner@example.com", "correct horse battery")
        }
    }

    @Test func mailLinksLandOnTheWebInterface() async throws {
        try await withApplication { api, _ in
            let verify = try await api.send("GET", "/verify?token=abc.def-ghi")
            #expect(verify.status == 302)
            #expect(verify.header("Location") == "/#verify?token=abc.def-ghi")
            let reset = try await api.send("GET", "/reset-password?token=%3Cscript%3E")
            #expect(reset.header("Location") == "/#reset-password?token=%3Cscript%3E")
            let invitation = try await api.send("GET", "/accept-invitation?token=a.b")
            #expect(invitation.header("Location") == "/#accept-invitation?token=a.b")
        }
    }
}
