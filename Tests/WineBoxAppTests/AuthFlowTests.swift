import Foundation
import Synchronization
import Testing
import WineBoxConfig
import WineBoxDomain
import WineBoxSupport
import WineBoxTesting
import WineBoxWeb

@testable import WineBoxApp

/// A monotonic clock the test moves by hand.
final class ManualInstant: Sendable {
    private let offset = Mutex(Duration.zero)
    private let start = ContinuousClock.now

    var now: ContinuousClock.Instant { start + offset.withLock { $0 } }

    func advance(by duration: Duration) {
        offset.withLock { $0 += duration }
    }
}

/// Starts the app with an admin `owner@example.com` / `correct horse battery` already created.
func withSignedUpApplication(
    instant: ManualInstant = ManualInstant(), secrets: Secrets = .forTests,
    _ body: (Application, APIClient) async throws -> Void
) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let configuration = AppConfiguration.forTests(dataDirectory: directory.file("data"))
    let application = try await Application(
        configuration: configuration, secrets: secrets, logger: .disabled, instant: { instant.now })
    _ = try await application.accounts.createUser(
        email: "owner@example.com", password: "correct horse battery", fullName: "Owner", role: .admin, actor: nil,
        clientAddress: nil)
    try application.start()
    do {
        try await body(application, APIClient(port: application.port))
    } catch {
        await application.shutdown(gracePeriod: .seconds(1))
        throw error
    }
    await application.shutdown(gracePeriod: .seconds(1))
}

@Suite struct AuthFlowTests {
    let password = "correct horse battery"

    @Test func signInWithJSONOrTheFormEndpointGivesABearerToken() async throws {
        try await withSignedUpApplication { _, api in
            let json = try await api.send(
                "POST", "/api/auth/login", json: ["email": " Owner@Example.com ", "password": password])
            #expect(json.status == 200)
            let body = try json.json()
            #expect(body["token_type"] as? String == "bearer")
            #expect(body["expires_in"] as? Int == 7200)
            let form = try await api.send(
                "POST", "/api/auth/token", form: "username=owner%40example.com&password=correct+horse+battery")
            #expect(form.status == 200)
            #expect(try form.json()["access_token"] is String)
        }
    }

    @Test func unknownFieldsInABodyAreRefusedAndChangeNothing() async throws {
        try await withSignedUpApplication { _, api in
            let token = try await api.signIn("owner@example.com", password)
            let response = try await api.send(
                "PATCH", "/api/auth/me", json: ["full_name": "Changed", "role": "member"], token: token)
            #expect(response.status == 422)
            #expect((try response.json()["detail"] as? String) == "Unknown field 'role'")
            let me = try await api.send("GET", "/api/auth/me", token: token).json()
            #expect(me["full_name"] as? String == "Owner")
            #expect(me["role"] as? String == "admin")
        }
    }

    @Test func wrongPasswordAndUnknownAccountGetTheSame401() async throws {
        try await withSignedUpApplication { _, api in
            let wrong = try await api.send(
                "POST", "/api/auth/login", json: ["email": "owner@example.com", "password": "nope nope nope"])
            let unknown = try await api.send(
                "POST", "/api/auth/login", json: ["email": "who@example.com", "password": "nope nope nope"])
            #expect(wrong.status == 401)
            #expect(unknown.status == 401)
            #expect(try wrong.json()["detail"] as? String == unknown.json()["detail"] as? String)
        }
    }

    @Test func meAnswersForAValidTokenOnly() async throws {
        try await withSignedUpApplication { _, api in
            let token = try await api.signIn("owner@example.com", password)
            let me = try await api.send("GET", "/api/auth/me", token: token)
            #expect(me.status == 200)
            let body = try me.json()
            #expect(body["email"] as? String == "owner@example.com")
            #expect(body["is_admin"] as? Bool == true)
            #expect(body["password_hash"] == nil)
            #expect(try await api.send("GET", "/api/auth/me").status == 401)
            #expect(try await api.send("GET", "/api/auth/me", token: token + "x").status == 401)
            let renamed = try await api.send("PATCH", "/api/auth/me", json: ["full_name": "Ann Owner"], token: token)
            #expect(try renamed.json()["full_name"] as? String == "Ann Owner")
        }
    }

    @Test func signOutRevokesTheTokenAndTheRevocationSurvivesARestart() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configuration = AppConfiguration.forTests(dataDirectory: directory.file("data"))
        var token = ""
        do {
            let application = try await Application(configuration: configuration, secrets: .forTests, logger: .disabled)
            _ = try await application.accounts.createUser(
                email: "owner@example.com", password: password, fullName: "", role: .admin, actor: nil,
                clientAddress: nil)
            try application.start()
            let api = APIClient(port: application.port)
            token = try await api.signIn("owner@example.com", password)
            // Admitted once, then answered from memory: sign-out must still end it at once.
            #expect(try await api.send("GET", "/api/auth/me", token: token).status == 200)
            #expect(try await api.send("GET", "/api/auth/me", token: token).status == 200)
            #expect(try await api.send("POST", "/api/auth/logout", token: token).status == 200)
            #expect(try await api.send("GET", "/api/auth/me", token: token).status == 401)
            await application.shutdown(gracePeriod: .seconds(1))
        }
        let restarted = try await Application(configuration: configuration, secrets: .forTests, logger: .disabled)
        try restarted.start()
        let api = APIClient(port: restarted.port)
        #expect(try await api.send("GET", "/api/auth/me", token: token).status == 401)
        #expect(
            try await api.send("GET", "/api/auth/me", token: try await api.signIn("owner@example.com", password)).status
                == 200)
        await restarted.shutdown(gracePeriod: .seconds(1))
    }

    @Test func changingThePasswordSignsOutOtherSessionsButKeepsTheCaller() async throws {
        try await withSignedUpApplication { _, api in
            let other = try await api.signIn("owner@example.com", password)
            let caller = try await api.signIn("owner@example.com", password)
            let changed = try await api.send(
                "POST", "/api/auth/change-password",
                json: ["current_password": password, "new_password": "a brand new passphrase"], token: caller)
            #expect(changed.status == 200)
            let fresh = try #require(try changed.json()["access_token"] as? String)
            #expect(try await api.send("GET", "/api/auth/me", token: other).status == 401)
            #expect(try await api.send("GET", "/api/auth/me", token: caller).status == 401)
            #expect(try await api.send("GET", "/api/auth/me", token: fresh).status == 200)
            _ = try await api.signIn("owner@example.com", "a brand new passphrase")
            let wrongCurrent = try await api.send(
                "POST", "/api/auth/change-password",
                json: ["current_password": "not it at all", "new_password": "another new passphrase"], token: fresh)
            #expect(wrongCurrent.status == 422)
            let common = try await api.send(
                "POST", "/api/auth/change-password",
                json: ["current_password": "a brand new passphrase", "new_password": "password123"], token: fresh)
            #expect(common.status == 422)
        }
    }

    @Test func fiveFailuresLockTheAccountForThatAddressForFifteenMinutes() async throws {
        let instant = ManualInstant()
        try await withSignedUpApplication(instant: instant) { _, api in
            for _ in 0..<5 {
                let failed = try await api.send(
                    "POST", "/api/auth/login", json: ["email": "owner@example.com", "password": "wrong password"])
                #expect(failed.status == 401)
            }
            let locked = try await api.send(
                "POST", "/api/auth/login", json: ["email": "owner@example.com", "password": password])
            #expect(locked.status == 429)
            let retryAfter = try #require(Int(locked.header("Retry-After") ?? ""))
            #expect((1...900).contains(retryAfter))
            instant.advance(by: .seconds(901))
            #expect(try await api.signIn("owner@example.com", password).isEmpty == false)
        }
    }

    @Test func firstRunSetupCreatesTheAdminOnceWithTheLoggedCode() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sink = MemoryLogSink()
        let application = try await Application(
            configuration: AppConfiguration.forTests(dataDirectory: directory.file("data")), secrets: .forTests,
            logger: Logger(level: .info, sink: sink))
        try application.start()
        let api = APIClient(port: application.port)
        let line = try #require(sink.lines.first { $0.contains("setup_url") })
        let code = try #require(line.firstMatch(of: #/token=([0-9a-f]+)/#)).1
        let setup: [String: Any] = [
            "email": "first@example.com", "password": "our cellar passphrase", "full_name": "First",
        ]

        var wrong = setup
        wrong["token"] = String(repeating: "0", count: code.count)
        #expect(try await api.send("POST", "/api/setup", json: wrong).status == 403)
        var right = setup
        right["token"] = String(code)
        let created = try await api.send("POST", "/api/setup", json: right)
        #expect(created.status == 201)
        let token = try #require(try created.json()["access_token"] as? String)
        #expect(try await api.send("GET", "/api/admin/users", token: token).status == 200)
        right["email"] = "second@example.com"
        #expect(try await api.send("POST", "/api/setup", json: right).status == 403)
        await application.shutdown(gracePeriod: .seconds(1))
    }

    @Test func productionRefusesToStartWithAMissingOrWeakSecretKey() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configuration = AppConfiguration.forTests(dataDirectory: directory.file("data"))
        for key in [nil, "short", String(repeating: "a", count: 40), "please-changeme-this-is-an-example-key-0123"] {
            await #expect(throws: ApplicationError.self) {
                try await Application(configuration: configuration, secrets: Secrets(secretKey: key), logger: .disabled)
            }
        }
        var debug = configuration
        debug.server.debug = true
        let application = try await Application(
            configuration: debug, secrets: Secrets(secretKey: nil), logger: .disabled)
        await application.shutdown(gracePeriod: .seconds(1))
    }
}
