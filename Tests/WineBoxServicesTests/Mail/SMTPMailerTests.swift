import Foundation
import Testing
import WineBoxSupport
import WineBoxTesting

@testable import WineBoxServices

@Suite struct SMTPMailerTests {
    static let recipient = "ann.taylor@example.com"
    static let token = "tok_3f9c2a71b8e04d5c"

    static func configuration(port: Int, username: String? = nil, password: String? = nil) -> MailConfiguration {
        MailConfiguration(
            backend: .smtp, smtpHost: "127.0.0.1", smtpPort: port, smtpUsername: username, smtpSecurity: .none,
            smtpPassword: password, timeout: .seconds(5))
    }

    static func message(subject: String = "Verify your WineBox account") -> MailMessage {
        MailMessage(
            to: recipient, subject: subject, textBody: "Open http://localhost:8000/verify?token=\(token)\n",
            htmlBody: "<p><a href=\"http://localhost:8000/verify?token=\(token)\">Verify</a></p>\n")
    }

    @Test func sendsTheEnvelopeInOrderWithoutAuthWhenNoUserIsConfigured() async throws {
        let server = try FakeSMTPServer()
        let mailer = try SMTPMailer(configuration: Self.configuration(port: server.port), logger: .disabled)
        try await mailer.send(Self.message())
        let session = try #require(try await server.waitForSessions().first)
        #expect(session.verbs == ["EHLO", "MAIL", "RCPT", "DATA", "QUIT"])
        #expect(session.commands[1].hasPrefix("MAIL FROM:<support@winebox.app>"))
        #expect(session.commands[2] == "RCPT TO:<\(Self.recipient)>")
        #expect(session.authMechanism == nil)
    }

    @Test func sendsAWellFormedMultipartMessageWithCRLFLineEndings() async throws {
        let server = try FakeSMTPServer()
        let mailer = try SMTPMailer(configuration: Self.configuration(port: server.port), logger: .disabled)
        let message = Self.message()
        try await mailer.send(message)
        let session = try #require(try await server.waitForSessions().first)
        let data = try #require(session.data)
        #expect(!session.hadBareLineFeed)
        let mail = try ParsedMail(data)
        #expect(mail.headers.map(\.name).prefix(6) == ["Date", "From", "To", "Subject", "Message-ID", "MIME-Version"])
        #expect(mail.header("From") == "WineBox <support@winebox.app>")
        #expect(mail.header("To") == Self.recipient)
        #expect(mail.header("Subject") == "Verify your WineBox account")
        #expect(mail.header("MIME-Version") == "1.0")
        let date = try #require(mail.header("Date"))
        #expect(
            date.range(
                of: #"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$"#, options: .regularExpression
            ) != nil)
        let messageID = try #require(mail.header("Message-ID"))
        #expect(messageID.range(of: #"^<[0-9a-f]{32}@winebox\.app>$"#, options: .regularExpression) != nil)
        #expect(mail.header("Content-Type")?.hasPrefix("multipart/alternative; boundary=\"") == true)
        #expect(mail.parts.map(\.contentType) == ["text/plain", "text/html"])
        for part in mail.parts {
            #expect(part.headers.contains { $0.name == "Content-Type" && $0.value.hasSuffix("charset=UTF-8") })
            #expect(part.headers.contains { $0 == ("Content-Transfer-Encoding", "quoted-printable") })
        }
        #expect(mail.part("text/plain") == message.textBody)
        #expect(mail.part("text/html") == message.htmlBody)
    }

    @Test func sendsPlainTextOnlyWhenThereIsNoHTMLBody() async throws {
        let server = try FakeSMTPServer()
        let mailer = try SMTPMailer(configuration: Self.configuration(port: server.port), logger: .disabled)
        try await mailer.send(MailMessage(to: Self.recipient, subject: "Plain", textBody: "Just text.\nTwo lines."))
        let mail = try ParsedMail(try #require(try await server.waitForSessions().first?.data))
        #expect(mail.header("Content-Type") == "text/plain; charset=UTF-8")
        #expect(mail.part("text/plain") == "Just text.\nTwo lines.")
    }

    @Test func encodesNonASCIISubjectAndSenderNameAsEncodedWords() async throws {
        let server = try FakeSMTPServer()
        var configuration = Self.configuration(port: server.port)
        configuration.fromName = "Cave à vin Dupré"
        let mailer = try SMTPMailer(configuration: configuration, logger: .disabled)
        let subject = "Vérifiez votre compte — une très longue ligne d’objet pour la cave à vin 🍷🍷🍷"
        try await mailer.send(MailMessage(to: Self.recipient, subject: subject, textBody: "Grüße, ça va? 🍇"))
        let mail = try ParsedMail(try #require(try await server.waitForSessions().first?.data))
        let rawSubject = try #require(mail.header("Subject"))
        #expect(rawSubject.hasPrefix("=?UTF-8?B?"))
        #expect(ParsedMail.decodeEncodedWords(rawSubject) == subject)
        let from = try #require(mail.header("From"))
        #expect(from.hasSuffix(" <support@winebox.app>"))
        let displayName = String(from.dropLast(" <support@winebox.app>".count))
        #expect(ParsedMail.decodeEncodedWords(displayName) == "Cave à vin Dupré")
        #expect(mail.part("text/plain") == "Grüße, ça va? 🍇")
    }

    @Test func keepsLinesThatStartWithADotThroughDotStuffing() async throws {
        let server = try FakeSMTPServer()
        let mailer = try SMTPMailer(configuration: Self.configuration(port: server.port), logger: .disabled)
        let text = "Line one\n.\n..two dots\n.end"
        try await mailer.send(MailMessage(to: Self.recipient, subject: "Dots", textBody: text))
        let mail = try ParsedMail(try #require(try await server.waitForSessions().first?.data))
        #expect(mail.part("text/plain") == text)
    }

    @Test(arguments: ["PLAIN", "LOGIN"])
    func authenticatesWithTheConfiguredCredentials(mechanism: String) async throws {
        let server = try FakeSMTPServer(FakeSMTPServer.Options(authMechanisms: [mechanism]))
        let configuration = Self.configuration(port: server.port, username: "cellar", password: "p@ss w0rd")
        let mailer = try SMTPMailer(configuration: configuration, logger: .disabled)
        try await mailer.send(Self.message())
        let session = try #require(try await server.waitForSessions().first)
        #expect(session.authMechanism == mechanism)
        #expect(session.receivedUsername == "cellar")
        #expect(session.receivedPassword == "p@ss w0rd")
        #expect(session.verbs.first == "EHLO")
        #expect(session.verbs.suffix(4) == ["MAIL", "RCPT", "DATA", "QUIT"])
    }

    @Test func aRefusedLoginIsAuthenticationFailedAndTheLogHasNoPassword() async throws {
        let server = try FakeSMTPServer(FakeSMTPServer.Options(authMechanisms: ["PLAIN"]))
        let sink = MemoryLogSink()
        let configuration = Self.configuration(port: server.port, username: "cellar", password: "wrong-secret")
        let mailer = try SMTPMailer(configuration: configuration, logger: Logger(level: .trace, sink: sink))
        let error = await #expect(throws: MailError.self) { try await mailer.send(Self.message()) }
        #expect(error?.code == .authenticationFailed)
        #expect(error?.message.contains("wrong-secret") == false)
        #expect(!sink.lines.joined().contains("wrong-secret"))
    }

    @Test func aRejectedRecipientIsRejectedAndNeitherLogNorErrorHasTheAddressOrToken() async throws {
        let server = try FakeSMTPServer(FakeSMTPServer.Options(rejectRecipients: true))
        let sink = MemoryLogSink()
        let mailer = try SMTPMailer(
            configuration: Self.configuration(port: server.port), logger: Logger(level: .trace, sink: sink))
        let error = await #expect(throws: MailError.self) { try await mailer.send(Self.message()) }
        #expect(error?.code == .rejected)
        #expect(error?.message.contains("550") == true)
        let everything = sink.lines.joined(separator: "\n") + (error?.description ?? "")
        #expect(!everything.contains(Self.recipient))
        #expect(!everything.contains(Self.token))
        #expect(everything.contains("a***@example.com"))
        let session = try #require(try await server.waitForSessions().first)
        #expect(!session.verbs.contains("DATA"))
    }

    @Test func aSuccessfulSendLogsTheMaskedRecipientButNoAddressOrToken() async throws {
        let server = try FakeSMTPServer()
        let sink = MemoryLogSink()
        let mailer = try SMTPMailer(
            configuration: Self.configuration(port: server.port), logger: Logger(level: .trace, sink: sink))
        try await mailer.send(Self.message())
        let log = sink.lines.joined(separator: "\n")
        #expect(log.contains("E-mail sent"))
        #expect(log.contains("a***@example.com"))
        #expect(!log.contains(Self.recipient))
        #expect(!log.contains(Self.token))
    }

    @Test func aClosedPortIsUnreachable() async throws {
        let mailer = try SMTPMailer(
            configuration: Self.configuration(port: try LoopbackServer.unusedPort()), logger: .disabled)
        let error = await #expect(throws: MailError.self) { try await mailer.send(Self.message()) }
        #expect(error?.code == .unreachable)
    }

    @Test func aServerWithoutSTARTTLSIsRefusedWhenSTARTTLSIsRequired() async throws {
        let server = try FakeSMTPServer()
        var configuration = Self.configuration(port: server.port)
        configuration.smtpSecurity = .starttls
        let mailer = try SMTPMailer(configuration: configuration, logger: .disabled)
        let error = await #expect(throws: MailError.self) { try await mailer.send(Self.message()) }
        #expect(error?.code == .misconfigured)
        let session = try #require(try await server.waitForSessions().first)
        #expect(!session.verbs.contains("MAIL"))
    }

    @Test func aPlaintextServerFailsTheTLSHandshakeAsUnreachable() async throws {
        let server = try FakeSMTPServer()
        var configuration = Self.configuration(port: server.port)
        configuration.smtpSecurity = .tls
        let mailer = try SMTPMailer(configuration: configuration, logger: .disabled)
        let error = await #expect(throws: MailError.self) { try await mailer.send(Self.message()) }
        #expect(error?.code == .unreachable)
    }

    @Test func aSilentServerTimesOut() async throws {
        let server = try FakeSMTPServer(FakeSMTPServer.Options(silent: true))
        var configuration = Self.configuration(port: server.port)
        configuration.timeout = .milliseconds(700)
        let mailer = try SMTPMailer(configuration: configuration, logger: .disabled)
        let started = ContinuousClock.now
        let error = await #expect(throws: MailError.self) { try await mailer.send(Self.message()) }
        #expect(error?.code == .timeout)
        let elapsed = ContinuousClock.now - started
        // The upper bound only proves it gave up instead of waiting for the server; the machine may be busy.
        #expect(elapsed >= .milliseconds(600) && elapsed < .seconds(20))
    }

    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        let server = try FakeSMTPServer(FakeSMTPServer.Options(silent: true))
        var configuration = Self.configuration(port: server.port)
        configuration.timeout = .seconds(300)
        let mailer = try SMTPMailer(configuration: configuration, logger: .disabled)
        let started = ContinuousClock.now
        let task = Task { try await mailer.send(Self.message()) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        // Far below the 300 s timeout: the transfer was aborted, not timed out (loose, as the machine may be busy).
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    @Test func headerInjectionIsRefusedBeforeAnythingIsSent() async throws {
        let server = try FakeSMTPServer()
        let mailer = try SMTPMailer(configuration: Self.configuration(port: server.port), logger: .disabled)
        let badSubject = Self.message(subject: "Hello\r\nBcc: victim@example.org")
        let subjectError = await #expect(throws: MailError.self) { try await mailer.send(badSubject) }
        #expect(subjectError?.code == .invalidMessage)
        for address in [
            "ann@example.com\r\nBcc: victim@example.org", "ann@example.com>,<x@example.org", "ann\n@example.com",
        ] {
            var message = Self.message()
            message.to = address
            let error = await #expect(throws: MailError.self) { try await mailer.send(message) }
            #expect(error?.code == .invalidAddress)
            #expect(error?.message.contains("victim") == false)
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(server.sessions.isEmpty)
    }
}
