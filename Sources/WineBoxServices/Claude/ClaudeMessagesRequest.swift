import Foundation
import WineBoxSupport

/// The body and headers of one Messages API request (`POST /v1/messages`) that asks Claude to read labels.
///
/// One user turn: "Front label:", the front image, then (with a back image) "Back label:" and the back image,
/// then the instruction; the task and the JSON wanted are in the system prompt. Images go inline as base64
/// (`{"type":"image","source":{"type":"base64","media_type":…,"data":…}}`).
enum ClaudeMessagesRequest {
    /// The API version WineBox speaks (`anthropic-version`).
    static let apiVersion = "2023-06-01"

    /// The JSON body.
    static func body(model: String, maxTokens: Int, front: ClaudeLabelImage, back: ClaudeLabelImage?) -> [UInt8] {
        var blocks: [Block] = [.text(ClaudeLabelPrompt.frontCaption), .image(front)]
        if let back {
            blocks += [.text(ClaudeLabelPrompt.backCaption), .image(back)]
        }
        blocks.append(.text(ClaudeLabelPrompt.instruction(hasBackLabel: back != nil)))
        let imageBytes = front.bytes.count + (back?.bytes.count ?? 0)
        var json = JSONWriter(capacity: imageBytes * 4 / 3 + 8192)
        json.object { request in
            request.field("model", model)
            request.field("max_tokens", maxTokens)
            request.field("system", ClaudeLabelPrompt.system)
            request.key("messages")
            request.array([blocks]) { messages, content in
                messages.object { message in
                    message.field("role", "user")
                    message.key("content")
                    message.array(content) { list, block in block.write(to: &list) }
                }
            }
        }
        return json.bytes
    }

    /// The request headers; the key goes only into `x-api-key`.
    static func headers(apiKey: ClaudeAPIKey) -> [(name: String, value: String)] {
        [
            ("x-api-key", apiKey.value), ("anthropic-version", apiVersion), ("Content-Type", "application/json"),
            ("Accept", "application/json"), ("User-Agent", "WineBox/\(WineBoxVersion.current)"),
        ]
    }

    /// One content block of the user turn.
    private enum Block {
        case text(String)
        case image(ClaudeLabelImage)

        func write(to json: inout JSONWriter) {
            json.object { block in
                switch self {
                case .text(let text):
                    block.field("type", "text")
                    block.field("text", text)
                case .image(let image):
                    block.field("type", "image")
                    block.key("source")
                    block.object { source in
                        source.field("type", "base64")
                        source.field("media_type", image.mediaType)
                        source.field("data", Data(image.bytes).base64EncodedString())
                    }
                }
            }
        }
    }
}
