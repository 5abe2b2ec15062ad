import Foundation
public import WineBoxSupport

/// Sends messages through the Amazon SES v2 `SendEmail` API over HTTPS, signed with AWS Signature Version 4
/// (service `ses`, the configured region) using the keys of ``MailConfiguration``.
///
/// The request goes to `POST <endpoint>/v2/email/outbound-emails` with a JSON body (`FromEmailAddress` with
/// the display name, `Destination.ToAddresses`, `Content.Simple` with the subject and the text and HTML
/// bodies in UTF-8). The endpoint is `https://email.<region>.amazonaws.com` unless
/// ``MailConfiguration/sesEndpoint`` overrides it. Proxies from the environment (`https_proxy`) apply, as
/// for any libcurl request.
///
/// Threading: `send` runs the request through ``HTTPTransfer`` on a dedicated thread and suspends until it
/// ends; nothing blocks a cooperative thread. libcurl enforces the timeout (default 15 s) for the whole
/// request. Cancelling the calling task aborts the request.
///
/// Failures become ``MailError``: SES authentication errors `.authenticationFailed`, other 4xx responses
/// `.rejected` (with SES's error type and its message, addresses masked), 5xx and connection failures
/// `.unreachable`, running out of time `.timeout`. Each failure is logged at `warning` and each success at
/// `info`, with the masked recipient and never a body, key or signature.
public final class SESMailer: Mailer {
    private let signer: AWSSignatureV4
    private let url: URL
    private let hostHeader: String
    private let from: String
    private let timeout: Duration
    /// ``timeout`` for libcurl, rounded up to whole milliseconds.
    private let timeoutMilliseconds: Int
    private let logger: Logger

    /// Creates a mailer for the SES settings of `configuration` (whatever its ``MailConfiguration/backend``).
    ///
    /// - Throws: ``MailError`` `.misconfigured` when the sender, the keys, the region or the endpoint are
    ///   missing or malformed.
    public init(configuration: MailConfiguration, logger: Logger) throws {
        try configuration.validateCommon()
        try configuration.validateSES()
        let endpoint = try configuration.sesEndpointURL()
        let basePath = endpoint.path.hasSuffix("/") ? String(endpoint.path.dropLast()) : endpoint.path
        guard let url = URL(string: basePath + SESAPI.sendEmailPath, relativeTo: endpoint)?.absoluteURL,
            let host = endpoint.host
        else {
            throw MailError(
                .misconfigured, "email.ses_endpoint must be a URL such as https://email.eu-west-1.amazonaws.com")
        }
        self.url = url
        hostHeader = Self.hostHeader(host: host, port: endpoint.port, scheme: endpoint.scheme ?? "https")
        signer = AWSSignatureV4(
            accessKeyID: configuration.awsAccessKeyID ?? "", secretAccessKey: configuration.awsSecretAccessKey ?? "",
            region: configuration.awsRegion, service: "ses")
        let composer = MIMEComposer(fromAddress: configuration.fromAddress, fromName: configuration.fromName)
        from = composer.fromHeaderValue
        timeout = configuration.timeout
        timeoutMilliseconds = max(1, Int((configuration.timeoutSeconds * 1000).rounded(.up)))
        self.logger = logger.with(["backend": "ses"])
    }

    public func send(_ message: MailMessage) async throws {
        try message.validate()
        let body = try SESAPI.SendEmailRequest(message: message, from: from).encoded()
        let request = makeRequest(body: body, date: Date())
        let recipient = MailAddress.mask(message.to)
        let reply: HTTPReply
        do {
            reply = try await perform(request)
        } catch let error as MailError {
            logger.warning("E-mail delivery failed", [("to", recipient), ("code", error.code.description)])
            throw error
        }
        guard (200...299).contains(reply.status) else {
            let error = SESAPI.mailError(status: reply.status, typeHeader: reply.errorType, body: reply.body)
            logger.warning(
                "E-mail delivery failed",
                [
                    ("to", recipient), ("code", error.code.description), ("status", String(reply.status)),
                    ("ses_error", SESAPI.errorDetails(typeHeader: reply.errorType, body: reply.body).type ?? "none"),
                ])
            throw error
        }
        let messageID = SESAPI.messageID(from: reply.body) ?? "unknown"
        logger.info("E-mail sent", [("to", recipient), ("message_id", messageID)])
    }

    /// The signed request for `body` at `date`: `Content-Type`, `Host`, `X-Amz-Date` and
    /// `X-Amz-Content-Sha256` are signed; `Authorization` carries the signature.
    func makeRequest(body: [UInt8], date: Date) -> HTTPTransfer.Request {
        let amzDate = MailTimestamp.amzDate(date)
        let payloadHash = Hex.encode(Digest.sha256(body))
        let signed: [(name: String, value: String)] = [
            ("Content-Type", "application/json"), ("Host", hostHeader), ("X-Amz-Date", amzDate),
            ("X-Amz-Content-Sha256", payloadHash),
        ]
        let authorization = signer.authorization(
            for: AWSSignatureV4.Request(method: "POST", path: url.path, headers: signed, payloadHash: payloadHash),
            amzDate: amzDate)
        // libcurl sends `Host` itself, with the same value as `hostHeader`.
        var headers = signed.filter { $0.name != "Host" }
        headers.append(("Authorization", authorization))
        headers.append(("User-Agent", "WineBox/\(WineBoxVersion.current)"))
        return HTTPTransfer.Request(
            method: "POST", url: url.absoluteString, headers: headers, body: body,
            timeoutMilliseconds: timeoutMilliseconds)
    }

    /// What the mailer needs of a response.
    private struct HTTPReply: Sendable {
        var status: Int
        var errorType: String?
        var body: Data
    }

    /// Runs `request`, racing it against the deadline and the calling task's cancellation.
    private func perform(_ request: HTTPTransfer.Request) async throws -> HTTPReply {
        let outcome = try await HTTPTransfer.run(request)
        if outcome.succeeded {
            return HTTPReply(
                status: outcome.status, errorType: outcome.headers["x-amzn-errortype"], body: Data(outcome.body))
        }
        if outcome.timedOut {
            throw Self.timeoutError(timeout)
        }
        if outcome.isTLSFailure {
            throw MailError(.unreachable, "The TLS connection to Amazon SES failed")
        }
        throw MailError(.unreachable, "Could not reach Amazon SES (curl error \(outcome.curlCode))")
    }

    private static func timeoutError(_ timeout: Duration) -> MailError {
        MailError(.timeout, "Amazon SES did not answer within \(timeout)")
    }

    /// The `Host` header libcurl sends: the host, bracketed when IPv6, with the port unless it
    /// is the scheme's default.
    static func hostHeader(host: String, port: Int?, scheme: String) -> String {
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        let defaultPort = scheme.lowercased() == "http" ? 80 : 443
        guard let port, port != defaultPort else {
            return bracketed
        }
        return "\(bracketed):\(port)"
    }
}
