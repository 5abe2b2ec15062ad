import Foundation
import Testing
import WineBoxSupport
import WineBoxTesting

@testable import WineBoxServices

@Suite struct SESMailerTests {
    static let recipient = "bob.martin@example.com"
    static let token = "reset_9d1e77c04a"

    static func configuration(endpoint: String, timeout: Duration = .seconds(5)) -> MailConfiguration {
        MailConfiguration(
            backend: .ses, awsRegion: FakeSESServer.region, sesEndpoint: endpoint,
            awsAccessKeyID: FakeSESServer.accessKeyID, awsSecretAccessKey: FakeSESServer.secretAccessKey,
            timeout: timeout)
    }

    static let message = MailMessage(
        to: recipient, subject: "Reset your WineBox password",
        textBody: "Open http://localhost:8000/reset-password?token=\(token)",
        htmlBody: "<a href=\"http://localhost:8000/reset-password?token=\(token)\">Reset</a>")

    @Test func sendsASignedSendEmailRequest() async throws {
        let server = try FakeSESServer(.accept(messageID: "0100018c-test"))
        let mailer = try SESMailer(configuration: Self.configuration(endpoint: server.endpoint), logger: .disabled)
        try await mailer.send(Self.message)
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/v2/email/outbound-emails")
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.header("Host") == "127.0.0.1:\(server.port)")
        let amzDate = try #require(request.header("X-Amz-Date"))
        #expect(amzDate.range(of: #"^\d{8}T\d{6}Z$"#, options: .regularExpression) != nil)
        #expect(request.header("X-Amz-Content-Sha256") == Hex.encode(Digest.sha256(request.body)))
        let authorization = try #require(request.header("Authorization"))
        let scope = "\(amzDate.prefix(8))/eu-west-1/ses/aws4_request"
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\(scope), "))
        #expect(authorization.contains("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date,"))
        #expect(request.signatureMatches)
    }

    @Test func theBodyHasSenderRecipientSubjectAndBothBodiesInUTF8() async throws {
        let server = try FakeSESServer(.accept(messageID: "0100018c-test"))
        var configuration = Self.configuration(endpoint: server.endpoint)
        configuration.fromName = "Cave à vin"
        let mailer = try SESMailer(configuration: configuration, logger: .disabled)
        try await mailer.send(Self.message)
        let json = try #require(server.requests.first?.json)
        let from = try #require(json["FromEmailAddress"] as? String)
        #expect(from.hasSuffix(" <support@winebox.app>"))
        #expect(ParsedMail.decodeEncodedWords(String(from.dropLast(" <support@winebox.app>".count))) == "Cave à vin")
        let destination = json["Destination"] as? [String: Any]
        #expect(destination?["ToAddresses"] as? [String] == [Self.recipient])
        let simple = (json["Content"] as? [String: Any])?["Simple"] as? [String: Any]
        let subject = simple?["Subject"] as? [String: String]
        #expect(subject == ["Data": "Reset your WineBox password", "Charset": "UTF-8"])
        let body = simple?["Body"] as? [String: [String: String]]
        #expect(body?["Text"] == ["Data": Self.message.textBody, "Charset": "UTF-8"])
        #expect(body?["Html"] == ["Data": Self.message.htmlBody ?? "", "Charset": "UTF-8"])
    }

    @Test func anUnverifiedAddressIsRejectedWithTheSESErrorButNoAddress() async throws {
        let server = try FakeSESServer(
            .fail(
                status: 400, errorType: "MessageRejected",
                message: "Email address is not verified. The following identities failed the check in region "
                    + "EU-WEST-1: support@winebox.app, \(Self.recipient)"))
        let sink = MemoryLogSink()
        let mailer = try SESMailer(
            configuration: Self.configuration(endpoint: server.endpoint), logger: Logger(level: .trace, sink: sink))
        let error = await #expect(throws: MailError.self) { try await mailer.send(Self.message) }
        #expect(error?.code == .rejected)
        let message = error?.message ?? ""
        #expect(message.contains("400 MessageRejected: Email address is not verified."))
        #expect(message.contains("b***@example.com"))
        #expect(!message.contains(Self.recipient) && !message.contains("support@winebox.app"))
        let log = sink.lines.joined(separator: "\n")
        #expect(log.contains("MessageRejected"))
        #expect(!log.contains(Self.recipient))
        #expect(!log.contains(Self.token))
    }

    @Test func aPlainJSONMessageWithoutTypeIsStillReported() async throws {
        let server = try FakeSESServer(.fail(status: 400, errorType: nil, message: "Email address is not verified."))
        let mailer = try SESMailer(configuration: Self.configuration(endpoint: server.endpoint), logger: .disabled)
        let error = await #expect(throws: MailError.self) { try await mailer.send(Self.message) }
        #expect(error?.code == .rejected)
        #expect(error?.message == "Amazon SES answered 400: Email address is not verified.")
    }

    @Test func aSignatureErrorIsAuthenticationFailed() async throws {
        let server = try FakeSESServer(
            .fail(
                status: 403, errorType: "SignatureDoesNotMatch",
                message: "The request signature we calculated does not match"))
        let mailer = try SESMailer(configuration: Self.configuration(endpoint: server.endpoint), logger: .disabled)
        let error = await #expect(throws: MailError.self) { try await mailer.send(Self.message) }
        #expect(error?.code == .authenticationFailed)
        #expect(error?.message.contains(FakeSESServer.secretAccessKey) == false)
    }

    @Test func aServerErrorIsUnreachable() async throws {
        let server = try FakeSESServer(.fail(status: 503, errorType: "ServiceUnavailable", message: "Try later"))
        let mailer = try SESMailer(configuration: Self.configuration(endpoint: server.endpoint), logger: .disabled)
        let error = await #expect(throws: MailError.self) { try await mailer.send(Self.message) }
        #expect(error?.code == .unreachable)
    }

    @Test func aStallingServerTimesOut() async throws {
        let server = try FakeSESServer(.stall(seconds: 4))
        let mailer = try SESMailer(
            configuration: Self.configuration(endpoint: server.endpoint, timeout: .milliseconds(800)),
            logger: .disabled)
        let started = ContinuousClock.now
        let error = await #expect(throws: MailError.self) { try await mailer.send(Self.message) }
        #expect(error?.code == .timeout)
        let elapsed = ContinuousClock.now - started
        // The upper bound only proves it gave up instead of waiting for the server; the machine may be busy.
        #expect(elapsed >= .milliseconds(700) && elapsed < .seconds(20))
    }

    @Test func aClosedPortIsUnreachable() async throws {
        let endpoint = "http://127.0.0.1:\(try LoopbackServer.unusedPort())"
        let mailer = try SESMailer(configuration: Self.configuration(endpoint: endpoint), logger: .disabled)
        let error = await #expect(throws: MailError.self) { try await mailer.send(Self.message) }
        #expect(error?.code == .unreachable)
    }

    @Test func logsNeitherAddressTokenNorSecrets() async throws {
        let server = try FakeSESServer(.accept(messageID: "0100018c-logged"))
        let sink = MemoryLogSink()
        let mailer = try SESMailer(
            configuration: Self.configuration(endpoint: server.endpoint), logger: Logger(level: .trace, sink: sink))
        try await mailer.send(Self.message)
        let log = sink.lines.joined(separator: "\n")
        #expect(log.contains("E-mail sent") && log.contains("0100018c-logged") && log.contains("b***@example.com"))
        for secret in [Self.recipient, Self.token, FakeSESServer.secretAccessKey, "Signature="] {
            #expect(!log.contains(secret))
        }
    }

    @Test func theDefaultEndpointIsTheRegionalSESHost() throws {
        var configuration = Self.configuration(endpoint: "")
        configuration.sesEndpoint = nil
        configuration.awsRegion = "us-east-2"
        #expect(try configuration.sesEndpointURL().absoluteString == "https://email.us-east-2.amazonaws.com")
        #expect(
            SESMailer.hostHeader(host: "email.us-east-2.amazonaws.com", port: nil, scheme: "https")
                == "email.us-east-2.amazonaws.com")
        #expect(SESMailer.hostHeader(host: "::1", port: 8443, scheme: "https") == "[::1]:8443")
        #expect(SESMailer.hostHeader(host: "example.com", port: 443, scheme: "https") == "example.com")
    }
}
