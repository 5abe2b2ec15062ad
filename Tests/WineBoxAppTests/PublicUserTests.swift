import Foundation
import Testing
import WineBoxDomain
import WineBoxHTTP
import WineBoxWeb

@testable import WineBoxApp

@Suite struct PublicUserTests {
    private func user(lastSignIn: Date?, invitedAt: Date?) throws -> User {
        User(
            id: "4c1e2a34-5b6f-4a8e-9f10-1a2b3c4d5e6f", email: try EmailAddress("ann@example.com"),
            passwordHash: "$argon2id$secret", fullName: "Ann \"the\" Owner/Ünïcode", role: .admin, isActive: true,
            isVerified: invitedAt == nil, createdAt: Date(timeIntervalSince1970: 1_764_000_000),
            updatedAt: Date(timeIntervalSince1970: 1_764_000_123), lastSignInAt: lastSignIn, sessionEpoch: 7,
            invitedAt: invitedAt)
    }

    @Test(arguments: [(false, false), (true, false), (false, true)])
    func theFastWriterAnswersTheSameBytesAsTheEncoder(signedInBefore: Bool, invited: Bool) throws {
        let user = try user(
            lastSignIn: signedInBefore ? Date(timeIntervalSince1970: 1_764_100_000) : nil,
            invitedAt: invited ? Date(timeIntervalSince1970: 1_764_000_000) : nil)
        let encoded = HTTPResponse.json(PublicUser(user)).body
        let written = HTTPResponse.json(writing: PublicUser(user)).body
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: encoded, as: UTF8.self))
        #expect(!String(decoding: written, as: UTF8.self).contains("argon2"))
    }
}
