import Foundation

/// The parts of a Messages API response WineBox uses: a message's text blocks, model, stop reason and token
/// counts, or an error's type and message.
///
/// A message is `{"type":"message","model":…,"content":[{"type":"text","text":…},…],"stop_reason":…,
/// "usage":{"input_tokens":…,"output_tokens":…}}`; an error is
/// `{"type":"error","error":{"type":"overloaded_error","message":…}}`. Unknown keys and block types are ignored;
/// keys are read from snake case (`stop_reason` → `stopReason`).
struct ClaudeMessagesResponse: Decodable, Sendable {
    struct Block: Decodable, Sendable {
        var type: String
        var text: String?
    }

    struct Usage: Decodable, Sendable {
        var inputTokens: Int?
        var outputTokens: Int?
    }

    struct ErrorDetail: Decodable, Sendable {
        struct Details: Decodable, Sendable {
            var errorCode: String?
        }

        var type: String?
        var message: String?
        var details: Details?
    }

    var type: String?
    var model: String?
    var content: [Block]?
    var stopReason: String?
    var usage: Usage?
    var error: ErrorDetail?

    /// The response in `body`, or nil when it is not a JSON object.
    static func decode(_ body: [UInt8]) -> ClaudeMessagesResponse? {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(ClaudeMessagesResponse.self, from: Data(body))
    }

    /// The text blocks joined by new lines, or nil when there is none with text.
    var text: String? {
        let texts = (content ?? []).filter { $0.type == "text" }.compactMap(\.text)
        return texts.isEmpty ? nil : texts.joined(separator: "\n")
    }

    /// The error's type and message, shortened to 200 characters and cleaned of control characters and of
    /// `secret` should the API ever echo it: "overloaded_error: Overloaded".
    func errorSummary(hiding secret: String) -> String? {
        guard let error else {
            return nil
        }
        var message = (error.message ?? "").replacingOccurrences(of: secret, with: "<redacted>")
        message = String(String.UnicodeScalarView(message.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
        if message.count > 200 {
            message = message.prefix(200) + "…"
        }
        let type = error.type ?? "error"
        return message.isEmpty ? type : "\(type): \(message)"
    }
}
