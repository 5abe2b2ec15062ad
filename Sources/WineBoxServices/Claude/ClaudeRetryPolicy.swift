import Foundation

/// Which failed Messages API requests are tried again, how many times, and how long to pause before each retry.
///
/// Retried: 429 (rate limited, unless the spend limit is reached), 500, 502, 503, 504, 529 (overloaded) and
/// connections that failed or broke off. Everything else (400, 401, 403, 404, 413, TLS failures, an answer that is
/// not the JSON asked for) fails at once. The pause is the response's `retry-after` (seconds), capped at
/// ``maximumRetryAfter``, or else exponential: ``initialBackoff`` doubled for each retry up to ``maximumBackoff``,
/// with "equal jitter" (half of it fixed, the other half random) so that many clients do not retry in step.
public struct ClaudeRetryPolicy: Sendable, Equatable {
    /// Requests in all, the first included. Default 3; at least 1.
    public var maximumAttempts: Int
    /// The pause before the first retry when no `retry-after` came. Default 0.5 s.
    public var initialBackoff: Duration
    /// The longest exponential pause. Default 8 s.
    public var maximumBackoff: Duration
    /// The longest pause a `retry-after` header can ask for. Default 20 s.
    public var maximumRetryAfter: Duration

    /// The HTTP statuses worth another try.
    public static let retriedStatuses: Set<Int> = [429, 500, 502, 503, 504, 529]

    public init(
        maximumAttempts: Int = 3, initialBackoff: Duration = .milliseconds(500), maximumBackoff: Duration = .seconds(8),
        maximumRetryAfter: Duration = .seconds(20)
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.maximumRetryAfter = maximumRetryAfter
    }

    /// The pause before attempt `attempt + 1`, after attempt `attempt` (1-based) failed.
    ///
    /// - Parameters:
    ///   - retryAfter: The failed response's `retry-after` header, if any: whole or decimal seconds. A value that
    ///     does not parse, or is negative, is ignored.
    ///   - jitter: A random number in 0...1 (injected, so tests choose it).
    func pause(afterAttempt attempt: Int, retryAfter: String?, jitter: Double) -> Duration {
        if let seconds = retryAfter.flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }), seconds.isFinite,
            seconds >= 0
        {
            return min(.milliseconds(Int64((seconds * 1000).rounded(.up))), maximumRetryAfter)
        }
        var pause = initialBackoff
        for _ in 1..<max(1, attempt) where pause < maximumBackoff {
            pause *= 2
        }
        pause = min(pause, maximumBackoff)
        let spread = min(max(jitter, 0), 1)
        return pause / 2 + (pause / 2) * spread
    }
}
