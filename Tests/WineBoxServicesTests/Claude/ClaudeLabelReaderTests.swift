import Foundation
import Testing
import WineBoxDomain
import WineBoxSupport
import WineBoxTesting

@testable import WineBoxServices

@Suite struct ClaudeLabelReaderTests {
    typealias Fixtures = ClaudeTestFixtures

    @Test func sendsBothImagesWithHeadersModelAndPromptAndReadsTheAnswer() async throws {
        let server = try FakeAnthropicServer([.message(Fixtures.goodAnswer)])
        let sleeper = RecordingSleeper()
        let reader = try Fixtures.reader(try Fixtures.configuration(server), sleeper: sleeper)
        let reading = try await reader.read(front: try Fixtures.front(), back: try Fixtures.back())

        let exchange = try #require(server.exchanges.first)
        #expect(server.exchanges.count == 1)
        #expect(exchange.problems.isEmpty, "\(exchange.problems)")
        #expect(exchange.request.header("x-api-key") == FakeAnthropicServer.apiKey)
        #expect(exchange.request.header("anthropic-version") == "2023-06-01")
        #expect(exchange.request.header("content-type") == "application/json")
        #expect(exchange.blockTypes == ["text", "image", "text", "image", "text"])
        #expect(exchange.texts.prefix(2) == ["Front label:", "Back label:"])
        #expect(exchange.texts.last?.contains("JSON") == true)
        #expect(exchange.images.map(\.mediaType) == ["image/png", "image/jpeg"])
        #expect(exchange.images.map(\.bytes) == [Fixtures.frontBytes, Fixtures.backBytes])
        let system = try #require(exchange.request.json["system"] as? String)
        for key in ["\"vintage\"", "\"grape_varieties\"", "\"sub_region\"", "\"wine_type\"", "\"back_label_text\""] {
            #expect(system.contains(key), "the prompt does not ask for \(key)")
        }

        #expect(reading.fields == Fixtures.goodFields)
        #expect(reading.frontLabelText == "CHÂTEAU EXEMPLE\nGRAND VIN\n2018")
        #expect(reading.backLabelText == "Mis en bouteille au château")
        #expect(reading.model == FakeAnthropicServer.model)
        #expect(reading.usage == ClaudeLabelReading.Usage(inputTokens: 1500, outputTokens: 300))
        #expect(reading.stopReason == "end_turn")
        #expect(reading.droppedFields.isEmpty)
        #expect(reading.attempts == 1)
        #expect(sleeper.recorded.isEmpty)
    }

    @Test func aFrontLabelAloneIsSentWithoutBackCaption() async throws {
        let server = try FakeAnthropicServer([.message(Fixtures.goodAnswer)])
        let reader = try Fixtures.reader(try Fixtures.configuration(server))
        _ = try await reader.read(front: try Fixtures.front(), back: nil)
        let exchange = try #require(server.exchanges.first)
        #expect(exchange.problems.isEmpty)
        #expect(exchange.blockTypes == ["text", "image", "text"])
        #expect(!exchange.texts.contains("Back label:"))
        #expect(exchange.images.map(\.bytes) == [Fixtures.frontBytes])
    }

    @Test(arguments: [
        "```json\n\(ClaudeTestFixtures.goodAnswer)\n```",
        "```\n\(ClaudeTestFixtures.goodAnswer)\n```",
        "Here is what the labels say:\n```json\n\(ClaudeTestFixtures.goodAnswer)\n```\nCheers.",
        "The JSON object: \(ClaudeTestFixtures.goodAnswer)",
    ])
    func fencedOrWrappedAnswersAreRead(_ text: String) async throws {
        let server = try FakeAnthropicServer([.message(text)])
        let reading = try await Fixtures.reader(try Fixtures.configuration(server))
            .read(front: try Fixtures.front(), back: nil)
        #expect(reading.fields == Fixtures.goodFields)
    }

    @Test func invalidFieldsAreDroppedOneByOne() async throws {
        let answer = """
            {"name": "\(String(repeating: "x", count: 501))", "winery": "  Domaine\\tdu   Test ", "vintage": 2031,
             "alcohol_percentage": "strong", "bottle_size_ml": "75 cl", "wine_type": "blue", "country": 42,
             "region": "unknown", "appellation": true, "classification": "Premier Cru",
             "grape_varieties": [{"name": "Syrah", "percentage": 150}, {"percentage": 20}, "Grenache", 7],
             "drink_from": 2040, "drink_until": 2030, "front_label_text": null}
            """
        let server = try FakeAnthropicServer([.message(answer)])
        let reading = try await Fixtures.reader(try Fixtures.configuration(server))
            .read(front: try Fixtures.front(), back: nil)
        #expect(
            reading.fields
                == LabelFields(
                    winery: "Domaine du Test", grapeVariety: "Syrah",
                    grapes: [
                        BlendComponent(grape: "Syrah", percentage: nil),
                        BlendComponent(grape: "Grenache", percentage: nil),
                    ],
                    classification: "Premier Cru", bottleSizeML: 750))
        #expect(
            reading.droppedFields == [
                "name", "vintage", "grape_varieties[0].percentage", "grape_varieties[1]", "grape_varieties[3]",
                "appellation", "country", "alcohol_percentage", "wine_type", "drink_from", "drink_until",
            ])
        #expect(reading.frontLabelText == nil)
    }

    @Test(arguments: [
        FakeAnthropicServer.Answer.message("The label shows a red Bordeaux from 2018."),
        .message("{\"name\": \"Grand Vin\", "),
        .message("[{\"name\": \"Grand Vin\"}]"),
        .message("{\"name\": null, \"vintage\": \"NV\", \"wine_type\": \"blue\", \"country\": \"\"}"),
        .message("{}", stopReason: "max_tokens"),
        .emptyContent,
    ])
    func answersWithoutAUsableJSONObjectAreMalformedAndNotRetried(_ answer: FakeAnthropicServer.Answer) async throws {
        let server = try FakeAnthropicServer([answer, .message(Fixtures.goodAnswer)])
        let sleeper = RecordingSleeper()
        let reader = try Fixtures.reader(try Fixtures.configuration(server), sleeper: sleeper)
        let error = await #expect(throws: ClaudeError.self) {
            try await reader.read(front: try Fixtures.front(), back: nil)
        }
        #expect(error?.code == .malformedAnswer)
        #expect(server.exchanges.count == 1)
        #expect(sleeper.recorded.isEmpty)
    }

    @Test func aTruncatedAnswerSaysItWasCutOff() async throws {
        let server = try FakeAnthropicServer([.message("{\"name\": \"Grand", stopReason: "max_tokens")])
        let error = await #expect(throws: ClaudeError.self) {
            try await Fixtures.reader(try Fixtures.configuration(server)).read(front: try Fixtures.front(), back: nil)
        }
        #expect(error?.message.contains("anthropic_max_tokens") == true)
    }

    @Test func aRateLimitIsRetriedAfterTheRetryAfterPause() async throws {
        let server = try FakeAnthropicServer([
            .error(status: 429, type: "rate_limit_error", message: "Number of requests exceeded", retryAfter: "3"),
            .message(Fixtures.goodAnswer),
        ])
        let sleeper = RecordingSleeper()
        let reading = try await Fixtures.reader(try Fixtures.configuration(server), sleeper: sleeper)
            .read(front: try Fixtures.front(), back: try Fixtures.back())
        #expect(reading.attempts == 2)
        #expect(reading.fields == Fixtures.goodFields)
        #expect(sleeper.recorded == [.seconds(3)])
        #expect(server.exchanges.count == 2)
        #expect(server.exchanges.allSatisfy { $0.problems.isEmpty })
        #expect(server.exchanges[0].request.body == server.exchanges[1].request.body)
    }

    @Test func serverErrorsAreRetriedWithGrowingPauses() async throws {
        let server = try FakeAnthropicServer([
            .error(status: 500, type: "api_error", message: "Internal server error"),
            .error(status: 529, type: "overloaded_error", message: "Overloaded"),
            .message(Fixtures.goodAnswer),
        ])
        let sleeper = RecordingSleeper()
        let reading = try await Fixtures.reader(try Fixtures.configuration(server), sleeper: sleeper, jitter: 1)
            .read(front: try Fixtures.front(), back: nil)
        #expect(reading.attempts == 3)
        #expect(sleeper.recorded == [.milliseconds(500), .seconds(1)])
    }

    @Test func theJitterTakesUpToHalfOfEachPause() async throws {
        let server = try FakeAnthropicServer([
            .error(status: 503, type: "api_error", message: "Unavailable"), .message(Fixtures.goodAnswer),
        ])
        let sleeper = RecordingSleeper()
        _ = try await Fixtures.reader(try Fixtures.configuration(server), sleeper: sleeper, jitter: 0)
            .read(front: try Fixtures.front(), back: nil)
        #expect(sleeper.recorded == [.milliseconds(250)])
    }

    @Test func repeatedServerErrorsFailAfterTheLastAttempt() async throws {
        let server = try FakeAnthropicServer([.error(status: 500, type: "api_error", message: "Internal server error")])
        let sleeper = RecordingSleeper()
        let error = await #expect(throws: ClaudeError.self) {
            try await Fixtures.reader(try Fixtures.configuration(server), sleeper: sleeper)
                .read(front: try Fixtures.front(), back: nil)
        }
        #expect(error?.code == .unavailable)
        #expect(error?.status == 500)
        #expect(error?.message == "The Anthropic API answered 500 (api_error: Internal server error)")
        #expect(server.exchanges.count == 3)
        #expect(sleeper.recorded.count == 2)
    }

    @Test func aRefusedKeyFailsAtOnceWithoutRevealingIt() async throws {
        let server = try FakeAnthropicServer([.message(Fixtures.goodAnswer)])
        let wrongKey = "sk-ant-api03-wrong-key-9999-SECRETPART"
        let sink = MemoryLogSink()
        let sleeper = RecordingSleeper()
        let reader = try Fixtures.reader(
            try Fixtures.configuration(server, key: wrongKey), sleeper: sleeper,
            logger: Logger(level: .trace, sink: sink))
        let error = await #expect(throws: ClaudeError.self) {
            try await reader.read(front: try Fixtures.front(), back: nil)
        }
        #expect(error?.code == .authenticationFailed)
        #expect(error?.status == 401)
        #expect(server.exchanges.count == 1)
        #expect(sleeper.recorded.isEmpty)
        let log = sink.lines.joined(separator: "\n")
        #expect(log.contains("authentication_failed"))
        #expect(!log.contains("SECRETPART"))
        #expect(!String(describing: error).contains("SECRETPART"))
    }

    @Test(arguments: [
        (400, "invalid_request_error", ClaudeError.Code.rejected),
        (403, "permission_error", ClaudeError.Code.authenticationFailed),
        (404, "not_found_error", ClaudeError.Code.rejected),
        (413, "request_too_large", ClaudeError.Code.rejected),
    ])
    func clientErrorsAreNotRetried(_ status: Int, _ type: String, _ code: ClaudeError.Code) async throws {
        let server = try FakeAnthropicServer([
            .error(status: status, type: type, message: "model: claude-test-vision\nnot available"),
            .message(Fixtures.goodAnswer),
        ])
        let sleeper = RecordingSleeper()
        let error = await #expect(throws: ClaudeError.self) {
            try await Fixtures.reader(try Fixtures.configuration(server), sleeper: sleeper)
                .read(front: try Fixtures.front(), back: nil)
        }
        #expect(error?.code == code)
        #expect(
            error?.message == "The Anthropic API answered \(status) (\(type): model: claude-test-vision not available)")
        #expect(server.exchanges.count == 1)
        #expect(sleeper.recorded.isEmpty)
    }

    @Test func anErrorMessageThatEchoesTheKeyHasItRedacted() async throws {
        let echo = "x-api-key \(FakeAnthropicServer.apiKey) is not allowed\u{1B}[31m here"
        let server = try FakeAnthropicServer([.error(status: 400, type: "invalid_request_error", message: echo)])
        let error = await #expect(throws: ClaudeError.self) {
            try await Fixtures.reader(try Fixtures.configuration(server)).read(front: try Fixtures.front(), back: nil)
        }
        #expect(
            error?.message == "The Anthropic API answered 400 (invalid_request_error: x-api-key <redacted> is "
                + "not allowed [31m here)")
    }

    @Test func aReachedSpendLimitIsNotRetried() async throws {
        let server = try FakeAnthropicServer([
            .error(
                status: 429, type: "rate_limit_error", message: "Spend limit reached",
                errorCode: "enforced_spend_limit_reached"),
            .message(Fixtures.goodAnswer),
        ])
        let error = await #expect(throws: ClaudeError.self) {
            try await Fixtures.reader(try Fixtures.configuration(server)).read(front: try Fixtures.front(), back: nil)
        }
        #expect(error?.code == .rateLimited)
        #expect(server.exchanges.count == 1)
    }

    @Test func aRetryAfterBeyondTheTimeLimitGivesUpAtOnce() async throws {
        let server = try FakeAnthropicServer([
            .error(status: 429, type: "rate_limit_error", message: "Slow down", retryAfter: "40"),
            .message(Fixtures.goodAnswer),
        ])
        let sleeper = RecordingSleeper()
        let error = await #expect(throws: ClaudeError.self) {
            try await Fixtures.reader(try Fixtures.configuration(server, timeout: .seconds(5)), sleeper: sleeper)
                .read(front: try Fixtures.front(), back: nil)
        }
        #expect(error?.code == .rateLimited)
        #expect(server.exchanges.count == 1)
        #expect(sleeper.recorded.isEmpty)
    }

    @Test func aSilentServerTimesOutWithinTheLimit() async throws {
        let server = try FakeAnthropicServer([.stall])
        let reader = try Fixtures.reader(try Fixtures.configuration(server, timeout: .milliseconds(700)))
        let error = await #expect(throws: ClaudeError.self) {
            try await reader.read(front: try Fixtures.front(), back: nil)
        }
        // The fake server hangs up by itself only after 10 s, which the client would see as a broken answer
        // (`unavailable`); `timeout` proves the client gave up first. No clock is read here: when the test runner
        // keeps its few threads busy, the resumption after the transfer can come seconds late.
        #expect(error?.code == .timeout)
        #expect(server.exchanges.count == 1)
    }

    @Test func aClosedPortIsRetriedThenUnavailable() async throws {
        let port = try LoopbackServer.unusedPort()
        let configuration = ClaudeConfiguration(
            apiKey: try ClaudeAPIKey(FakeAnthropicServer.apiKey), model: FakeAnthropicServer.model,
            baseURL: "http://127.0.0.1:\(port)", timeout: .seconds(120))
        let sleeper = RecordingSleeper()
        let error = await #expect(throws: ClaudeError.self) {
            try await Fixtures.reader(configuration, sleeper: sleeper).read(front: try Fixtures.front(), back: nil)
        }
        #expect(error?.code == .unavailable)
        #expect(error?.status == nil)
        #expect(sleeper.recorded.count == 2)
    }

    @Test func cancellingTheTaskAbortsTheRequest() async throws {
        let server = try FakeAnthropicServer([.stall])
        let reader = try Fixtures.reader(try Fixtures.configuration(server, timeout: .seconds(60)))
        let front = try Fixtures.front()
        let task = Task { try await reader.read(front: front, back: nil) }
        // Waits (bounded) for the request to arrive, so the cancellation hits the transfer rather than the start.
        for _ in 0..<500 where server.exchanges.isEmpty {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(server.exchanges.count == 1)
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test func misconfiguredSettingsAreRefusedBeforeAnyRequest() throws {
        let key = try ClaudeAPIKey(FakeAnthropicServer.apiKey)
        for (baseURL, model) in [
            ("http://api.anthropic.com", "claude-sonnet-4-6"), ("ftp://127.0.0.1", "claude-sonnet-4-6"),
            ("https://api.anthropic.com?x=1", "claude-sonnet-4-6"), ("https://api.anthropic.com", "claude sonnet"),
            ("https://api.anthropic.com", ""),
        ] {
            let configuration = ClaudeConfiguration(apiKey: key, model: model, baseURL: baseURL)
            #expect(throws: ClaudeError.self, "\(baseURL) \(model)") {
                try ClaudeLabelReader(configuration: configuration, logger: .disabled)
            }
        }
        let local = ClaudeConfiguration(apiKey: key, model: "claude-sonnet-4-6", baseURL: "http://[::1]:8080/proxy/")
        #expect(try local.messagesURL() == "http://[::1]:8080/proxy/v1/messages")
        #expect(
            try ClaudeConfiguration(apiKey: key, model: "claude-sonnet-4-6").messagesURL()
                == "https://api.anthropic.com/v1/messages")
    }
}
