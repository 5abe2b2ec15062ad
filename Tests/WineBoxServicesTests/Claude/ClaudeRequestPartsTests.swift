import Foundation
import Testing

@testable import WineBoxServices

@Suite struct ClaudeRequestPartsTests {
    @Test func theKeyNeverAppearsInDescriptionsOrDumps() throws {
        let secret = "sk-ant-api03-abcdefSECRET"
        let key = try ClaudeAPIKey(secret)
        var dumped = ""
        dump(key, to: &dumped)
        for text in [
            String(describing: key), String(reflecting: key), dumped, "\(ClaudeConfiguration(apiKey: key, model: "m"))",
        ] {
            #expect(!text.contains("SECRET"))
        }
        #expect(key == (try ClaudeAPIKey(secret)))
        #expect(key != (try ClaudeAPIKey(secret + "x")))
    }

    @Test(arguments: ["", "sk ant", "sk-ant\r\nX-Injected: 1", String(repeating: "k", count: 513)])
    func unusableKeysAreMisconfiguredWithoutBeingRepeated(_ value: String) {
        let error = #expect(throws: ClaudeError.self) { try ClaudeAPIKey(value) }
        #expect(error?.code == .misconfigured)
        #expect(value.isEmpty || error?.message.contains(value) == false)
    }

    @Test func imagesMustMatchTheirFormatAndFitTheLimit() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]
        #expect(try ClaudeLabelImage(bytes: png, format: .png).mediaType == "image/png")
        let mismatch = #expect(throws: ClaudeError.self) { try ClaudeLabelImage(bytes: png, format: .jpeg) }
        #expect(mismatch?.code == .invalidImage)
        #expect(throws: ClaudeError.self) { try ClaudeLabelImage(bytes: [], format: .png) }
        let large = png + [UInt8](repeating: 0, count: ClaudeLabelImage.maximumBytes)
        #expect(throws: ClaudeError.self) { try ClaudeLabelImage(bytes: large, format: .png) }
    }

    @Test func pausesFollowRetryAfterCappedOrGrowExponentially() {
        let policy = ClaudeRetryPolicy()
        #expect(policy.pause(afterAttempt: 1, retryAfter: "2.5", jitter: 0) == .milliseconds(2500))
        #expect(policy.pause(afterAttempt: 1, retryAfter: " 0 ", jitter: 1) == .zero)
        #expect(policy.pause(afterAttempt: 1, retryAfter: "3600", jitter: 1) == .seconds(20))
        #expect(
            policy.pause(afterAttempt: 1, retryAfter: "Wed, 21 Oct 2026 07:28:00 GMT", jitter: 1) == .milliseconds(500))
        #expect(policy.pause(afterAttempt: 1, retryAfter: "-4", jitter: 0.5) == .milliseconds(375))
        #expect(policy.pause(afterAttempt: 2, retryAfter: nil, jitter: 1) == .seconds(1))
        #expect(policy.pause(afterAttempt: 3, retryAfter: nil, jitter: 0) == .seconds(1))
        #expect(policy.pause(afterAttempt: 9, retryAfter: nil, jitter: 1) == .seconds(8))
        #expect(ClaudeRetryPolicy(maximumAttempts: 0).maximumAttempts == 1)
    }

    @Test func theBodyIsOneUserTurnWithBase64Images() throws {
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xDB, 0xFB, 0xFF]
        let image = try ClaudeLabelImage(bytes: jpeg, format: .jpeg)
        let body = ClaudeMessagesRequest.body(model: "claude-x", maxTokens: 300, front: image, back: nil)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        #expect(json["model"] as? String == "claude-x")
        #expect(json["max_tokens"] as? Int == 300)
        #expect((json["system"] as? String)?.isEmpty == false)
        let messages = try #require(json["messages"] as? [[String: Any]])
        let content = try #require(messages.first?["content"] as? [[String: Any]])
        let source = try #require(content[1]["source"] as? [String: String])
        #expect(source == ["type": "base64", "media_type": "image/jpeg", "data": "/9j/2/v/"])
    }
}
