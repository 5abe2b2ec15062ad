import Foundation
import Testing
import WineBoxConfig
import WineBoxDomain
import WineBoxStorage
import WineBoxTesting

@testable import WineBoxApp

/// Answers that are reused while nothing changes (admitted sessions, rendered wine details) must notice changes
/// committed by another process on the same database file, such as `winebox user disable` run beside the server.
@Suite struct OutsideChangeTests {
    @Test func aWineChangedByAnotherProcessIsAnsweredFresh() async throws {
        try await withCellarApplication { application, client in
            let wine = try await client.checkIn([("name", "Old Name"), ("quantity", "3")])
            let wineID = try #require(wine["id"] as? String)
            for _ in 0..<2 {  // rendered, then answered from memory
                let first = try await client.send("GET", "/api/wines/\(wineID)")
                #expect(try first.json()["name"] as? String == "Old Name")
            }
            #expect(try await client.array("/api/wines").first?["name"] as? String == "Old Name")

            try await Self.outside(application) { connection in
                try connection.execute("UPDATE wine SET name = 'New Name' WHERE id = ?", [.text(wineID)])
            }

            let second = try await client.send("GET", "/api/wines/\(wineID)")
            #expect(try second.json()["name"] as? String == "New Name")
            #expect(try await client.array("/api/wines").first?["name"] as? String == "New Name")
            #expect(try await client.array("/api/search?q=new").first?["name"] as? String == "New Name")
        }
    }

    @Test func anAccountDisabledByAnotherProcessIsRefusedAtOnce() async throws {
        try await withCellarApplication { application, client in
            _ = try await application.accounts.createUser(
                email: "member@example.com", password: "another long passphrase", fullName: "Max Member",
                role: .member, actor: nil, clientAddress: nil)
            let token = try await client.api.signIn("member@example.com", "another long passphrase")
            for _ in 0..<2 {
                #expect(try await client.api.send("GET", "/api/auth/me", token: token).status == 200)
            }

            try await Self.outside(application) { connection in
                try connection.execute("UPDATE user SET is_active = 0 WHERE email = 'member@example.com'")
            }

            #expect(try await client.api.send("GET", "/api/auth/me", token: token).status == 401)
            #expect(try await client.send("GET", "/api/auth/me").status == 200)
        }
    }

    /// Commits `change` through a second, independent connection to the application's database file.
    private static func outside(
        _ application: Application, _ change: @escaping @Sendable (Connection) throws -> Void
    ) async throws {
        let path = application.configuration.storage.dataDirectory + "/" + Application.databaseFileName
        let other = try Database(path: path)
        try await other.write(change)
        await other.close()
    }
}
