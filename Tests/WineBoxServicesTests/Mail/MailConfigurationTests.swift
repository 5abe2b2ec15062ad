import Testing
import WineBoxServices
import WineBoxSupport

@Suite struct MailConfigurationTests {
    static func expectMisconfigured(_ configuration: MailConfiguration, mentioning fragment: String) {
        let error = #expect(throws: MailError.self) { try configuration.makeMailer(logger: .disabled) }
        #expect(error?.code == .misconfigured)
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "no error")")
    }

    @Test func defaultsMatchTheReference() {
        let configuration = MailConfiguration()
        #expect(configuration.backend == .console)
        #expect(configuration.fromAddress == "support@winebox.app")
        #expect(configuration.fromName == "WineBox")
        #expect(configuration.frontendURL == "http://localhost:8000")
        #expect(configuration.awsRegion == "eu-west-1")
        #expect(configuration.smtpPort == 587)
        #expect(configuration.smtpSecurity == .starttls)
        #expect(configuration.timeout == .seconds(15))
        #expect(configuration.sesEndpoint == nil && configuration.smtpHost == nil)
    }

    @Test func eachBackendMakesItsMailer() throws {
        #expect(try MailConfiguration().makeMailer(logger: .disabled) is ConsoleMailer)
        let smtp = MailConfiguration(backend: .smtp, smtpHost: "smtp.example.com")
        #expect(try smtp.makeMailer(logger: .disabled) is SMTPMailer)
        let ses = MailConfiguration(backend: .ses, awsAccessKeyID: "AKID", awsSecretAccessKey: "secret")
        #expect(try ses.makeMailer(logger: .disabled) is SESMailer)
    }

    @Test func theConsoleBackendAnnouncesItselfAtNotice() throws {
        let sink = MemoryLogSink()
        _ = try MailConfiguration().makeMailer(logger: Logger(level: .info, sink: sink))
        #expect(sink.lines.count == 1)
        #expect(sink.lines.first?.contains("notice") == true)
    }

    @Test func sesNeedsBothKeys() {
        Self.expectMisconfigured(MailConfiguration(backend: .ses), mentioning: "WINEBOX_AWS_ACCESS_KEY_ID")
        let halfSet = MailConfiguration(backend: .ses, awsAccessKeyID: "AKID", awsSecretAccessKey: "")
        Self.expectMisconfigured(halfSet, mentioning: "WINEBOX_AWS_SECRET_ACCESS_KEY")
    }

    @Test func sesRefusesABadRegionAndAnInsecureRemoteEndpoint() {
        var configuration = MailConfiguration(backend: .ses, awsAccessKeyID: "AKID", awsSecretAccessKey: "secret")
        configuration.awsRegion = "eu west 1/"
        Self.expectMisconfigured(configuration, mentioning: "email.aws_region")
        configuration.awsRegion = "eu-west-1"
        configuration.sesEndpoint = "http://ses.example.com"
        Self.expectMisconfigured(configuration, mentioning: "email.ses_endpoint")
        configuration.sesEndpoint = "http://127.0.0.1:9000"
        #expect(throws: Never.self) { try configuration.validate() }
    }

    @Test func smtpNeedsAHostAndAValidPort() {
        Self.expectMisconfigured(MailConfiguration(backend: .smtp), mentioning: "email.smtp_host")
        Self.expectMisconfigured(MailConfiguration(backend: .smtp, smtpHost: ""), mentioning: "email.smtp_host")
        Self.expectMisconfigured(
            MailConfiguration(backend: .smtp, smtpHost: "smtp.example.com/evil?x"), mentioning: "email.smtp_host")
        Self.expectMisconfigured(
            MailConfiguration(backend: .smtp, smtpHost: "smtp.example.com", smtpPort: 70000),
            mentioning: "email.smtp_port")
    }

    @Test(arguments: ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"])
    func plaintextSMTPIsAllowedOnLoopback(host: String) throws {
        let configuration = MailConfiguration(backend: .smtp, smtpHost: host, smtpSecurity: .none)
        #expect(try configuration.makeMailer(logger: .disabled) is SMTPMailer)
    }

    @Test(arguments: ["smtp.example.com", "10.0.0.1", "::2", "localhost.example.com", "128.0.0.1"])
    func plaintextSMTPIsRefusedElsewhere(host: String) {
        let configuration = MailConfiguration(backend: .smtp, smtpHost: host, smtpSecurity: .none)
        Self.expectMisconfigured(configuration, mentioning: "loopback")
    }

    @Test func smtpCredentialsComeInPairs() {
        let userOnly = MailConfiguration(backend: .smtp, smtpHost: "smtp.example.com", smtpUsername: "cellar")
        Self.expectMisconfigured(userOnly, mentioning: "WINEBOX_SMTP_PASSWORD")
        let passwordOnly = MailConfiguration(backend: .smtp, smtpHost: "smtp.example.com", smtpPassword: "hunter22")
        Self.expectMisconfigured(passwordOnly, mentioning: "email.smtp_username")
    }

    @Test func commonSettingsAreCheckedForEveryBackend() {
        Self.expectMisconfigured(MailConfiguration(fromAddress: "not an address"), mentioning: "email.from_address")
        Self.expectMisconfigured(MailConfiguration(fromName: "WineBox\r\nBcc: x"), mentioning: "email.from_name")
        Self.expectMisconfigured(MailConfiguration(frontendURL: "ftp://example.com"), mentioning: "email.frontend_url")
        Self.expectMisconfigured(MailConfiguration(timeout: .zero), mentioning: "email.timeout_seconds")
    }

    @Test func descriptionAndDumpHideTheSecrets() {
        let configuration = MailConfiguration(
            backend: .smtp, smtpHost: "smtp.example.com", smtpUsername: "ann@example.com", smtpPassword: "hunter22",
            awsAccessKeyID: "AKIDSECRETID", awsSecretAccessKey: "wJalrXUtnFEMI")
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in ["\(configuration)", String(reflecting: configuration), dumped] {
            for secret in ["hunter22", "AKIDSECRETID", "wJalrXUtnFEMI", "ann@example.com", "support@winebox.app"] {
                #expect(!text.contains(secret))
            }
            #expect(text.contains("smtpPassword"))
        }
    }
}
