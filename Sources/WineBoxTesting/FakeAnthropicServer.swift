import Foundation
import Synchronization

/// An Anthropic Messages API look-alike on 127.0.0.1: it checks each request the way the real API would (path,
/// method, `x-api-key`, `anthropic-version`, `content-type`, the model, `max_tokens` and every image block's media
/// type and base64 data), records it, and answers with the next scripted ``Answer`` (the last one repeats).
///
/// A request with the wrong key is answered 401 `authentication_error`, and any other broken request 400
/// `invalid_request_error` listing what was wrong, whatever the script says.
public final class FakeAnthropicServer: Sendable {
    /// The key the server accepts.
    public static let apiKey = "sk-ant-api03-test-0123456789abcdef-SECRETPART"
    /// The model the tests ask for.
    public static let model = "claude-test-vision"

    /// One scripted answer.
    public enum Answer: Sendable {
        /// 200 with a message whose one text block is `text`, with usage 1500 in / 300 out.
        case message(String, stopReason: String = "end_turn")
        /// 200 with a message without content blocks.
        case emptyContent
        /// `status` with the API's error shape; `retryAfter` becomes a `retry-after` header, `errorCode` the
        /// `error.details.error_code`.
        case error(status: Int, type: String, message: String, retryAfter: String? = nil, errorCode: String? = nil)
        /// Reads the request, then answers nothing until the client hangs up (or 10 s pass).
        case stall
    }

    /// One request as received, with what the server found wrong with it.
    public struct Exchange: Sendable {
        public var request: LoopbackHTTPRequest
        public var problems: [String]

        /// The decoded image blocks of the user turn, in order: media type and bytes.
        public var images: [(mediaType: String, bytes: [UInt8])] {
            contentBlocks.compactMap { block in
                guard block["type"] as? String == "image", let source = block["source"] as? [String: Any],
                    let data = (source["data"] as? String).flatMap({ Data(base64Encoded: $0) })
                else {
                    return nil
                }
                return (source["media_type"] as? String ?? "", Array(data))
            }
        }

        /// The text blocks of the user turn, in order.
        public var texts: [String] {
            contentBlocks.compactMap { $0["type"] as? String == "text" ? $0["text"] as? String : nil }
        }

        /// Every block's `type`, in order.
        public var blockTypes: [String] {
            contentBlocks.map { $0["type"] as? String ?? "?" }
        }

        public var contentBlocks: [[String: Any]] {
            let messages = request.json["messages"] as? [[String: Any]]
            return messages?.first?["content"] as? [[String: Any]] ?? []
        }
    }

    private let server: LoopbackServer
    private let recorded: Recorder<Exchange>
    public var baseURL: String { "http://127.0.0.1:\(server.port)" }

    public init(_ answers: [Answer], expectedMaxTokens: Int = 1024) throws {
        precondition(!answers.isEmpty)
        let recorded = Recorder<Exchange>()
        let counter = Mutex(0)
        self.recorded = recorded
        server = try LoopbackServer { connection in
            guard let request = LoopbackHTTPRequest.read(from: connection) else {
                return
            }
            let problems = Self.problems(in: request, expectedMaxTokens: expectedMaxTokens)
            recorded.append(Exchange(request: request, problems: problems))
            let index = counter.withLock { count in
                defer { count += 1 }
                return min(count, answers.count - 1)
            }
            if request.header("x-api-key") != Self.apiKey {
                Self.send(.error(status: 401, type: "authentication_error", message: "invalid x-api-key"), connection)
            } else if !problems.isEmpty {
                let message = problems.joined(separator: "; ")
                Self.send(.error(status: 400, type: "invalid_request_error", message: message), connection)
            } else {
                Self.send(answers[index], connection)
            }
        }
    }

    deinit {
        server.stop()
    }

    public var exchanges: [Exchange] {
        recorded.all
    }

    private static func problems(in request: LoopbackHTTPRequest, expectedMaxTokens: Int) -> [String] {
        var problems: [String] = []
        if request.method != "POST" || request.path != "/v1/messages" {
            problems.append("\(request.method) \(request.path) is not POST /v1/messages")
        }
        if request.header("anthropic-version") != "2023-06-01" {
            problems.append("anthropic-version header is missing or wrong")
        }
        if request.header("content-type") != "application/json" {
            problems.append("content-type is not application/json")
        }
        let json = request.json
        if json["model"] as? String != model {
            problems.append("model is not \(model)")
        }
        if json["max_tokens"] as? Int != expectedMaxTokens {
            problems.append("max_tokens is not \(expectedMaxTokens)")
        }
        let messages = json["messages"] as? [[String: Any]] ?? []
        if messages.count != 1 || messages.first?["role"] as? String != "user" {
            problems.append("messages is not one user turn")
        }
        let exchange = Exchange(request: request, problems: [])
        for block in exchange.contentBlocks where block["type"] as? String == "image" {
            problems += imageProblems(block)
        }
        return problems
    }

    private static func imageProblems(_ block: [String: Any]) -> [String] {
        guard let source = block["source"] as? [String: Any], source["type"] as? String == "base64",
            let mediaType = source["media_type"] as? String, let encoded = source["data"] as? String
        else {
            return ["an image block has no base64 source"]
        }
        guard let data = Data(base64Encoded: encoded) else {
            return ["an image's data is not base64"]
        }
        guard Self.mediaType(of: Array(data.prefix(12))) == mediaType else {
            return ["an image's media_type \(mediaType) does not match its bytes"]
        }
        return []
    }

    /// The media type the image's first bytes announce; nil for anything else.
    private static func mediaType(of header: [UInt8]) -> String? {
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            header.count >= offset + signature.count && Array(header[offset..<offset + signature.count]) == signature
        }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if starts(Array("GIF8".utf8)) { return "image/gif" }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
        return nil
    }

    private static func send(_ answer: Answer, _ connection: SocketConnection) {
        switch answer {
        case .message(let text, let stopReason):
            let content: [[String: Any]] = [["type": "text", "text": text]]
            respond(connection, status: 200, json: message(content: content, stopReason: stopReason))
        case .emptyContent:
            respond(connection, status: 200, json: message(content: [], stopReason: "end_turn"))
        case .error(let status, let type, let text, let retryAfter, let errorCode):
            var error: [String: Any] = ["type": type, "message": text]
            if let errorCode {
                error["details"] = ["error_code": errorCode]
            }
            let headers = retryAfter.map { ["retry-after: \($0)"] } ?? []
            respond(connection, status: status, json: ["type": "error", "error": error], headers: headers)
        case .stall:
            connection.waitForClose()
        }
    }

    private static func message(content: [[String: Any]], stopReason: String) -> [String: Any] {
        [
            "id": "msg_01TestFake", "type": "message", "role": "assistant", "model": model, "content": content,
            "stop_reason": stopReason, "stop_sequence": NSNull(),
            "usage": ["input_tokens": 1500, "output_tokens": 300],
        ]
    }

    private static func respond(
        _ connection: SocketConnection, status: Int, json: [String: Any], headers: [String] = []
    ) {
        let data = (try? JSONSerialization.data(withJSONObject: json)) ?? Data()
        LoopbackHTTPRequest.respond(
            connection, status: "\(status) Status", extraHeaders: headers + ["request-id: req_test"],
            body: String(decoding: data, as: UTF8.self))
    }
}
