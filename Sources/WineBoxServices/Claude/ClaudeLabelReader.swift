public import Foundation
public import WineBoxSupport

/// Reads wine labels with Claude through Anthropic's Messages API: the photos go in one request, and the answer,
/// a JSON object, is checked field by field (see ``ClaudeLabelAnswer``).
///
/// The request is `POST <base>/v1/messages` with the headers `x-api-key`, `anthropic-version: 2023-06-01` and
/// `content-type: application/json` (see ``ClaudeMessagesRequest``). Failures are retried as
/// ``ClaudeRetryPolicy`` says; the whole reading, pauses included, ends within ``ClaudeConfiguration/timeout``.
///
/// Threading: each request runs through ``HTTPTransfer`` on a thread of its own and the calling task suspends
/// until it ends, so neither an HTTP worker nor a cooperative thread waits on the network. Pauses between
/// attempts use the injected `sleep`. Cancelling the calling task aborts the request in flight (within about a
/// second) or the pause, and `read` throws `CancellationError`.
///
/// Logging: each retry at `notice`, a failure at `warning`, a success at `info`, with the status, the API's error
/// type, the attempt and token counts; never the key, an image, a prompt or an answer.
public final class ClaudeLabelReader: Sendable {
    /// Pauses for a duration; throws `CancellationError` when the task is cancelled meanwhile.
    public typealias Sleep = @Sendable (Duration) async throws -> Void

    private let configuration: ClaudeConfiguration
    private let url: String
    private let logger: Logger
    private let now: @Sendable () -> Date
    private let sleep: Sleep
    private let jitter: @Sendable () -> Double

    /// Creates a reader.
    ///
    /// - Parameters:
    ///   - now: The current time, for the latest plausible vintage (next year). Default: the system clock.
    ///   - sleep: The pause between attempts. Default: `Task.sleep(for:)`.
    ///   - jitter: A random number in 0...1 for the backoff. Default: the system random generator.
    /// - Throws: ``ClaudeError`` `.misconfigured` for a base URL, model id or limit that cannot work.
    public init(
        configuration: ClaudeConfiguration, logger: Logger, now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping Sleep = { try await Task.sleep(for: $0) },
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) throws(ClaudeError) {
        url = try configuration.messagesURL()
        self.configuration = configuration
        self.logger = logger.with(["service": "claude"])
        self.now = now
        self.sleep = sleep
        self.jitter = jitter
    }

    /// Asks Claude to read `front` and, when given, `back`, and checks the answer.
    ///
    /// - Returns: The fields that passed their checks, the transcribed label texts, the model, token counts and
    ///   the number of attempts.
    /// - Throws: ``ClaudeError`` (see its codes) for every failure, after the retries the policy allows;
    ///   `CancellationError` when the calling task was cancelled.
    public func read(front: ClaudeLabelImage, back: ClaudeLabelImage?) async throws -> ClaudeLabelReading {
        let body = ClaudeMessagesRequest.body(
            model: configuration.model, maxTokens: configuration.maxTokens, front: front, back: back)
        let headers = ClaudeMessagesRequest.headers(apiKey: configuration.apiKey)
        let deadline = ContinuousClock.now + configuration.timeout
        var attempt = 0
        while true {
            attempt += 1
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else {
                throw fail(timeoutError(), attempt: attempt - 1)
            }
            let request = HTTPTransfer.Request(
                method: "POST", url: url, headers: headers, body: body,
                timeoutMilliseconds: Self.milliseconds(remaining))
            let outcome = try await HTTPTransfer.run(request)
            let failure: ClaudeError
            var retryAfter: String?
            switch evaluate(outcome) {
            case .answered(let response):
                return try reading(from: response, attempt: attempt)
            case .failed(let error, let retryable, let header):
                guard retryable, attempt < configuration.retry.maximumAttempts else {
                    throw fail(error, attempt: attempt)
                }
                failure = error
                retryAfter = header
            }
            let pause = configuration.retry.pause(afterAttempt: attempt, retryAfter: retryAfter, jitter: jitter())
            guard pause < deadline - ContinuousClock.now else {
                throw fail(failure, attempt: attempt)
            }
            logger.notice(
                "Claude request will be retried",
                [
                    ("attempt", String(attempt)), ("code", failure.code.description),
                    ("status", failure.status.map(String.init) ?? "none"),
                    ("pause_ms", String(Self.milliseconds(pause))),
                ])
            try await sleep(pause)
        }
    }

    /// What one transfer came to.
    private enum Evaluation {
        case answered(ClaudeMessagesResponse)
        /// A failure; whether it is worth another attempt, and the `retry-after` header.
        case failed(ClaudeError, retryable: Bool, retryAfter: String?)
    }

    private func evaluate(_ outcome: HTTPTransfer.Outcome) -> Evaluation {
        guard outcome.succeeded else {
            if outcome.timedOut {
                return .failed(timeoutError(), retryable: false, retryAfter: nil)
            }
            if outcome.isTLSFailure {
                return .failed(
                    ClaudeError(.unavailable, "The TLS connection to the Anthropic API failed"), retryable: false,
                    retryAfter: nil)
            }
            let error = ClaudeError(.unavailable, "Could not reach the Anthropic API (curl error \(outcome.curlCode))")
            return .failed(error, retryable: outcome.isConnectionFailure, retryAfter: nil)
        }
        let response = ClaudeMessagesResponse.decode(outcome.body)
        if (200...299).contains(outcome.status) {
            guard let response else {
                return .failed(
                    ClaudeError(
                        .malformedAnswer, "The Anthropic API answered \(outcome.status) without a message",
                        status: outcome.status), retryable: false, retryAfter: nil)
            }
            return .answered(response)
        }
        return .failed(
            statusError(outcome.status, response: response),
            retryable: isRetryable(outcome.status, response: response), retryAfter: outcome.headers["retry-after"])
    }

    private func statusError(_ status: Int, response: ClaudeMessagesResponse?) -> ClaudeError {
        let detail = response?.errorSummary(hiding: configuration.apiKey.value).map { " (\($0))" } ?? ""
        let code: ClaudeError.Code
        switch status {
        case 401, 403: code = .authenticationFailed
        case 429: code = .rateLimited
        case 500...599: code = .unavailable
        default: code = .rejected
        }
        return ClaudeError(code, "The Anthropic API answered \(status)\(detail)", status: status)
    }

    /// Retried statuses, except a 429 that says the spend limit is reached: waiting does not help with that.
    private func isRetryable(_ status: Int, response: ClaudeMessagesResponse?) -> Bool {
        if status == 429, response?.error?.details?.errorCode == "enforced_spend_limit_reached" {
            return false
        }
        return ClaudeRetryPolicy.retriedStatuses.contains(status)
    }

    private func reading(from response: ClaudeMessagesResponse, attempt: Int) throws -> ClaudeLabelReading {
        guard let text = response.text else {
            throw fail(ClaudeError(.malformedAnswer, "Claude's answer has no text", status: 200), attempt: attempt)
        }
        let answer: ClaudeLabelAnswer
        do {
            answer = try ClaudeLabelAnswer.parse(text, currentYear: Self.year(of: now()))
        } catch {
            let cutOff = response.stopReason == "max_tokens" ? " (cut off at anthropic_max_tokens)" : ""
            throw fail(ClaudeError(error.code, error.message + cutOff, status: 200), attempt: attempt)
        }
        let usage = response.usage.flatMap { usage in
            usage.inputTokens.map { ClaudeLabelReading.Usage(inputTokens: $0, outputTokens: usage.outputTokens ?? 0) }
        }
        logger.info(
            "Labels read by Claude",
            [
                ("model", response.model ?? configuration.model), ("attempts", String(attempt)),
                ("input_tokens", usage.map { String($0.inputTokens) } ?? "unknown"),
                ("output_tokens", usage.map { String($0.outputTokens) } ?? "unknown"),
                ("dropped_fields", answer.droppedFields.joined(separator: ",")),
            ])
        return ClaudeLabelReading(
            fields: answer.fields, frontLabelText: answer.frontLabelText, backLabelText: answer.backLabelText,
            model: response.model ?? configuration.model, usage: usage, stopReason: response.stopReason,
            droppedFields: answer.droppedFields, attempts: attempt)
    }

    /// Logs `error` once at `warning` and returns it, for throwing.
    private func fail(_ error: ClaudeError, attempt: Int) -> ClaudeError {
        logger.warning(
            "Claude label reading failed",
            [
                ("code", error.code.description), ("status", error.status.map(String.init) ?? "none"),
                ("attempts", String(attempt)),
            ])
        return error
    }

    private func timeoutError() -> ClaudeError {
        ClaudeError(.timeout, "The Anthropic API did not answer within \(configuration.timeout)")
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000))
    }

    private static func year(of date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar.component(.year, from: date)
    }
}
