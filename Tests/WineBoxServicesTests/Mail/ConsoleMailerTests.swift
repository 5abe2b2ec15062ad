import Testing
import WineBoxServices
import WineBoxSupport

@Suite struct ConsoleMailerTests {
    @Test func logsTheMaskedRecipientSubjectAndTextBodyAtInfo() async throws {
        let sink = MemoryLogSink()
        let mailer = ConsoleMailer(logger: Logger(level: .info, format: .json, sink: sink))
        let templates = MailTemplates(frontendURL: "http://localhost:8000")
        try await mailer.send(templates.verification(to: "ann@example.com", token: "tok123", validFor: .seconds(3600)))
        #expect(sink.lines.count == 1)
        let line = sink.lines.first ?? ""
        #expect(line.contains("\"level\":\"info\""))
        #expect(line.contains("a***@example.com"))
        #expect(!line.contains("ann@example.com"))
        #expect(line.contains("Verify your WineBox account"))
        #expect(line.contains("http://localhost:8000/verify?token=tok123"))
        #expect(!line.contains("<html"))
    }

    @Test func refusesInvalidMessagesLikeTheRealBackends() async {
        let mailer = ConsoleMailer(logger: .disabled)
        let error = await #expect(throws: MailError.self) {
            try await mailer.send(MailMessage(to: "ann@example.com\nBcc: b@example.com", subject: "Hi", textBody: "x"))
        }
        #expect(error?.code == .invalidAddress)
        let empty = await #expect(throws: MailError.self) {
            try await mailer.send(MailMessage(to: "ann@example.com", subject: "Hi", textBody: ""))
        }
        #expect(empty?.code == .invalidMessage)
    }
}
