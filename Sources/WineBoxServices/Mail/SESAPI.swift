import Foundation

/// The wire format of Amazon SES v2 `SendEmail` (`POST /v2/email/outbound-emails`): the JSON request body,
/// the success response, and the mapping of error responses to ``MailError``.
enum SESAPI {
    /// The request path.
    static let sendEmailPath = "/v2/email/outbound-emails"
    /// The longest part of SES's own error message that is kept (after masking addresses).
    static let maximumDetailLength = 200

    /// The `SendEmail` request body; keys as SES spells them.
    struct SendEmailRequest: Encodable {
        struct Destination: Encodable {
            let toAddresses: [String]
            enum CodingKeys: String, CodingKey { case toAddresses = "ToAddresses" }
        }
        struct Text: Encodable {
            let data: String
            let charset = "UTF-8"
            enum CodingKeys: String, CodingKey {
                case data = "Data"
                case charset = "Charset"
            }
        }
        struct Body: Encodable {
            let text: Text
            let html: Text?
            enum CodingKeys: String, CodingKey {
                case text = "Text"
                case html = "Html"
            }
        }
        struct Simple: Encodable {
            let subject: Text
            let body: Body
            enum CodingKeys: String, CodingKey {
                case subject = "Subject"
                case body = "Body"
            }
        }
        struct Content: Encodable {
            let simple: Simple
            enum CodingKeys: String, CodingKey { case simple = "Simple" }
        }

        let fromEmailAddress: String
        let destination: Destination
        let content: Content

        enum CodingKeys: String, CodingKey {
            case fromEmailAddress = "FromEmailAddress"
            case destination = "Destination"
            case content = "Content"
        }

        /// The body for `message` from `from` (`WineBox <support@winebox.app>`, display name RFC 2047 encoded).
        init(message: MailMessage, from: String) {
            fromEmailAddress = from
            destination = Destination(toAddresses: [message.to])
            content = Content(
                simple: Simple(
                    subject: Text(data: message.subject),
                    body: Body(text: Text(data: message.textBody), html: message.htmlBody.map { Text(data: $0) })))
        }

        /// The JSON encoding (UTF-8, no escaped slashes).
        func encoded() throws -> [UInt8] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            return Array(try encoder.encode(self))
        }
    }

    /// The `MessageId` of a success response; `nil` when the body does not have one.
    static func messageID(from body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            return nil
        }
        return object["MessageId"] as? String
    }

    /// The error type (`MessageRejected`) and SES's message of an error response; either may be `nil`.
    ///
    /// The type comes from the `x-amzn-ErrorType` header (`MessageRejected:http://…` → `MessageRejected`),
    /// else from the body's `__type`, `code` or `Code` (`com.amazon…#MessageRejected` → `MessageRejected`).
    static func errorDetails(typeHeader: String?, body: Data) -> (type: String?, message: String?) {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        var type = typeHeader.map { String($0.prefix { $0 != ":" }) }
        if type?.isEmpty ?? true {
            let raw = (object["__type"] ?? object["code"] ?? object["Code"]) as? String
            type = raw.map { String($0.split(separator: "#").last ?? Substring($0)) }
        }
        let message = (object["message"] ?? object["Message"]) as? String
        return (type?.isEmpty == false ? type : nil, message)
    }

    /// The ``MailError`` for a non-2xx response: authentication problems (401, 403, signature and key errors),
    /// throttling (429) and other 4xx rejections, missing resources such as a configuration set
    /// (`NotFoundException`, misconfigured), and server errors (5xx, unreachable). SES's message is kept, with
    /// addresses masked, control characters removed and at most ``maximumDetailLength`` characters; the request
    /// body never appears.
    static func mailError(status: Int, typeHeader: String?, body: Data) -> MailError {
        let details = errorDetails(typeHeader: typeHeader, body: body)
        let type = details.type ?? "HTTP \(status)"
        var summary = "Amazon SES answered \(status) \(details.type ?? "")".trimmingCharacters(in: .whitespaces)
        if let message = details.message.map(sanitised), !message.isEmpty {
            summary += ": \(message)"
        }
        let authenticationTypes: Set<String> = [
            "UnrecognizedClientException", "InvalidSignatureException", "SignatureDoesNotMatch",
            "IncompleteSignatureException", "MissingAuthenticationTokenException", "InvalidClientTokenId",
            "ExpiredTokenException", "AccessDeniedException",
        ]
        if status == 401 || status == 403 || authenticationTypes.contains(type) {
            return MailError(.authenticationFailed, summary + " (check the AWS keys, region and clock)")
        }
        if status == 429 || type == "TooManyRequestsException" || type == "LimitExceededException" {
            return MailError(.rejected, summary + " (sending rate or quota exceeded; try again later)")
        }
        if status >= 500 {
            return MailError(.unreachable, summary)
        }
        if type == "NotFoundException" {
            return MailError(.misconfigured, summary)
        }
        return MailError(.rejected, summary)
    }

    /// Masks addresses, drops control characters and shortens `text`.
    static func sanitised(_ text: String) -> String {
        let masked = MailAddress.maskAddresses(in: text)
        let clean = String(String.UnicodeScalarView(masked.unicodeScalars.filter { !MailMessage.isControl($0) }))
        return clean.count > maximumDetailLength ? String(clean.prefix(maximumDetailLength)) + "…" : clean
    }
}
