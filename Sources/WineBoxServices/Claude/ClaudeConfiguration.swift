import Foundation

/// How ``ClaudeLabelReader`` reaches the Messages API: the `[ocr]` settings and the API key, as the app maps them.
public struct ClaudeConfiguration: Sendable, Equatable {
    /// The Anthropic API key.
    public var apiKey: ClaudeAPIKey
    /// The model id (`[ocr] anthropic_model`).
    public var model: String
    /// The API's base URL (`[ocr] anthropic_base_url`); requests go to `<base>/v1/messages`.
    public var baseURL: String
    /// The most time one ``ClaudeLabelReader/read(front:back:)`` may take, retries and pauses included
    /// (`[ocr] anthropic_timeout_seconds`). At least 1 ms.
    public var timeout: Duration
    /// The most tokens Claude may answer with (`[ocr] anthropic_max_tokens`); 1-64000.
    public var maxTokens: Int
    /// Which failures are tried again, how often and after what pause.
    public var retry: ClaudeRetryPolicy

    public init(
        apiKey: ClaudeAPIKey, model: String, baseURL: String = "https://api.anthropic.com",
        timeout: Duration = .seconds(60), maxTokens: Int = 1024, retry: ClaudeRetryPolicy = ClaudeRetryPolicy()
    ) {
        self.apiKey = apiKey
        self.model = model
        self.baseURL = baseURL
        self.timeout = timeout
        self.maxTokens = maxTokens
        self.retry = retry
    }

    /// `<base>/v1/messages`, with one `/` between them.
    ///
    /// - Throws: ``ClaudeError`` `.misconfigured` when the base URL is not `https://`, or `http://` to
    ///   127.0.0.1, ::1 or localhost, or has credentials, a query or a fragment; when the model id is empty, over
    ///   100 characters or holds spaces or control characters; or when a limit is out of range.
    func messagesURL() throws(ClaudeError) -> String {
        guard let components = URLComponents(string: baseURL), let scheme = components.scheme?.lowercased(),
            let host = components.host?.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased(),
            !host.isEmpty, components.user == nil, components.password == nil, components.query == nil,
            components.fragment == nil,
            scheme == "https" || (scheme == "http" && ["127.0.0.1", "::1", "localhost"].contains(host))
        else {
            throw ClaudeError(
                .misconfigured, "ocr.anthropic_base_url must be an https:// URL (http:// only for a loopback host)")
        }
        guard (1...100).contains(model.count), model.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else {
            throw ClaudeError(.misconfigured, "ocr.anthropic_model must be a model id such as claude-sonnet-4-6")
        }
        guard (1...64_000).contains(maxTokens), timeout >= .milliseconds(1) else {
            throw ClaudeError(
                .misconfigured, "ocr.anthropic_max_tokens or ocr.anthropic_timeout_seconds is out of range")
        }
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        return base + "/v1/messages"
    }
}
