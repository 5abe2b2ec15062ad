import Foundation
import Testing
import WineBoxDomain
import WineBoxSupport

@testable import WineBoxServices

@Suite struct TokenServiceTests {
    let service = TokenService(secretKey: "a-test-secret-key-that-is-long-enough-0123456789")
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    private func isRejected(_ token: String, purpose: TokenPurpose = .session, at time: Date? = nil) -> Bool {
        do {
            _ = try service.verify(token, purpose: purpose, now: time ?? now)
            return false
        } catch let error as WineBoxError {
            return error.code == .unauthenticated
        } catch {
            return false
        }
    }

    private func segments(_ token: String) -> [String] {
        token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    private func base64URL(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    @Test func aFreshTokenVerifiesWithItsClaims() throws {
        let (token, claims) = service.issue(subject: "user-1", purpose: .session, sessionEpoch: 3, now: now)
        let verified = try service.verify(token, purpose: .session, now: now.addingTimeInterval(60))
        #expect(verified == claims)
        #expect(claims.exp - claims.iat == 7200)
        #expect(claims.jti.count == 32)
        #expect(claims.sev == 3)
    }

    @Test func expiredTokensAreRejected() {
        let (token, _) = service.issue(subject: "u", purpose: .session, sessionEpoch: 0, now: now)
        #expect(isRejected(token, at: now.addingTimeInterval(7200)))
        #expect(!isRejected(token, at: now.addingTimeInterval(7199)))
    }

    @Test func tokensFromTheFutureAreRejected() {
        let (token, _) = service.issue(subject: "u", purpose: .session, sessionEpoch: 0, now: now)
        #expect(isRejected(token, at: now.addingTimeInterval(-120)))
    }

    @Test func aTokenForOnePurposeNeverWorksForAnother() {
        let (reset, _) = service.issue(subject: "u", purpose: .passwordReset, sessionEpoch: 0, now: now)
        #expect(isRejected(reset, purpose: .session))
        #expect(isRejected(reset, purpose: .emailVerification))
        #expect(isRejected(reset, purpose: .invitation))
        #expect(!isRejected(reset, purpose: .passwordReset))
        let (invitation, _) = service.issue(subject: "u", purpose: .invitation, sessionEpoch: 0, now: now)
        #expect(isRejected(invitation, purpose: .passwordReset))
        #expect(!isRejected(invitation, purpose: .invitation))
    }

    @Test func tamperedPayloadsAndSignaturesAreRejected() {
        let (token, _) = service.issue(subject: "user-1", purpose: .session, sessionEpoch: 0, now: now)
        let parts = segments(token)
        let forgedPayload = base64URL(
            #"{"exp":9999999999,"iat":1800000000,"jti":"x","purpose":"session","sev":0,"sub":"admin"}"#)
        #expect(isRejected([parts[0], forgedPayload, parts[2]].joined(separator: ".")))
        var signature = Array(parts[2])
        signature[0] = signature[0] == "A" ? "B" : "A"
        #expect(isRejected([parts[0], parts[1], String(signature)].joined(separator: ".")))
        #expect(isRejected(parts[0] + "." + parts[1]))
        #expect(isRejected(token + ".extra"))
        #expect(isRejected("not a token"))
        #expect(isRejected(String(repeating: "a", count: 5000)))
    }

    @Test func onlyHS256IsAccepted() {
        let (token, _) = service.issue(subject: "u", purpose: .session, sessionEpoch: 0, now: now)
        let parts = segments(token)
        let none = base64URL(#"{"alg":"none","typ":"JWT"}"#)
        #expect(isRejected([none, parts[1], ""].joined(separator: ".")))
        #expect(isRejected([none, parts[1], parts[2]].joined(separator: ".")))
        let hs512 = base64URL(#"{"alg":"HS512","typ":"JWT"}"#)
        #expect(isRejected([hs512, parts[1], parts[2]].joined(separator: ".")))
        let lowercase = base64URL(#"{"alg":"hs256","typ":"JWT"}"#)
        #expect(isRejected([lowercase, parts[1], parts[2]].joined(separator: ".")))
    }

    @Test func aTokenSignedWithAnotherKeyIsRejected() {
        let other = TokenService(secretKey: "another-secret-key-that-is-long-enough-987654321")
        let (token, _) = other.issue(subject: "u", purpose: .session, sessionEpoch: 0, now: now)
        #expect(isRejected(token))
    }

    @Test func aTokenStillVerifiesAfterARestartWithTheSameKey() throws {
        let (token, claims) = service.issue(subject: "user-1", purpose: .session, sessionEpoch: 0, now: now)
        let restarted = TokenService(secretKey: "a-test-secret-key-that-is-long-enough-0123456789")
        #expect(try restarted.verify(token, purpose: .session, now: now) == claims)
    }

    @Test func purposeKeysAreHMACsOfThePurposeUnderTheSecretKey() {
        // Computed independently (Python's hmac module); a change here would sign everyone out on upgrade.
        let keys = TokenKeys(secretKey: Array("a-test-secret-key-that-is-long-enough-0123456789".utf8))
        #expect(
            Hex.encode(keys.key(for: .session)) == "25d71c6039f0d917027c162fa2d15a79e5523641f839bf4441aa90e1df967799")
        #expect(
            Hex.encode(keys.key(for: .passwordReset))
                == "60b638a8692a9d5eb45a194cbe9eae9db8d8c44d9f6f1f2de16b30791392498f")
        #expect(
            Hex.encode(keys.key(for: .emailVerification))
                == "6a55474feece410720357c5f7103023ee9abd6da0c23eedf4b24812bb4239ab8")
        #expect(
            Hex.encode(keys.key(for: .invitation))
                == "ca2e774674ce33c8c592735e3e16975b46f618a5c4e2c5592f21204330a86fbb")
        #expect(keys.key(for: TokenPurpose(rawValue: "other")) != keys.key(for: TokenPurpose(rawValue: "other")))
    }

    @Test func base64URLRoundTripsAndRefusesOtherAlphabets() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(($0 * 37 + length) % 256) }
            let encoded = TokenService.base64URL(bytes)
            #expect(!encoded.contains("=") && !encoded.contains("+") && !encoded.contains("/"))
            #expect(TokenService.decodeBase64URL(Substring(encoded)) == bytes)
        }
        for invalid in ["a+b", "ab/c", "abc=", "é", "a b", "a.b"] {
            #expect(TokenService.decodeBase64URL(Substring(invalid)) == nil, "\(invalid)")
        }
        #expect(TokenService.isHS256Header(Array(#"{"typ":"JWT","alg":"HS256"}"#.utf8)))
        #expect(!TokenService.isHS256Header(Array(#"{"alg":"none"}"#.utf8)))
    }
}
