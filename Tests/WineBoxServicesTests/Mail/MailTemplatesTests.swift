import Testing
import WineBoxServices

@Suite struct MailTemplatesTests {
    let templates = MailTemplates(frontendURL: "https://cellar.example.org/")

    @Test func verificationLinksToVerifyWithTheEncodedToken() {
        let message = templates.verification(to: "ann@example.com", token: "a+b/c=d.e_f", validFor: .seconds(3600))
        let link = "https://cellar.example.org/verify?token=a%2Bb%2Fc%3Dd.e_f"
        #expect(templates.verificationLink(token: "a+b/c=d.e_f") == link)
        #expect(message.to == "ann@example.com")
        #expect(message.subject == "Verify your WineBox account")
        #expect(message.textBody.contains("\n\(link)\n"))
        #expect(message.htmlBody?.contains("href=\"\(link)\"") == true)
        #expect(message.textBody.contains("expires in 1 hour."))
    }

    @Test func passwordResetLinksToResetPasswordAndStatesTheValidity() {
        let message = templates.passwordReset(
            to: "ann@example.com", token: "eyJhbGciOi.J9.x-y", validFor: .seconds(1800))
        let link = "https://cellar.example.org/reset-password?token=eyJhbGciOi.J9.x-y"
        #expect(message.subject == "Reset your WineBox password")
        #expect(message.textBody.contains(link))
        #expect(message.htmlBody?.contains("href=\"\(link)\"") == true)
        #expect(message.textBody.contains("expires in 30 minutes."))
        #expect(message.htmlBody?.contains("expires in 30 minutes.") == true)
    }

    @Test func invitationLinksToAcceptInvitationAndNamesWhoInvited() {
        let message = templates.invitation(
            to: "bob@example.com", token: "a+b.c", validFor: .seconds(7 * 86_400), inviterName: " Ann <Admin>\n",
            recipientName: "Bob")
        let link = "https://cellar.example.org/accept-invitation?token=a%2Bb.c"
        #expect(templates.invitationLink(token: "a+b.c") == link)
        #expect(MailTemplates.invitationPath(token: "a+b.c") == "/accept-invitation?token=a%2Bb.c")
        #expect(message.subject == "You are invited to WineBox")
        #expect(message.textBody.hasPrefix("Hello Bob,\n"))
        #expect(message.textBody.contains("Ann <Admin> has invited you to share a wine cellar on WineBox."))
        #expect(message.textBody.contains("\n\(link)\n"))
        #expect(message.textBody.contains("expires in 7 days."))
        #expect(message.htmlBody?.contains("Ann &lt;Admin&gt; has invited you") == true)
        #expect(message.htmlBody?.contains("href=\"\(link)\"") == true)

        let anonymous = templates.invitation(to: "bob@example.com", token: "t", validFor: .seconds(3600))
        #expect(anonymous.textBody.contains("\nYou are invited to share a wine cellar on WineBox. Choose"))
    }

    @Test func escapesEverythingVariableInTheHTML() {
        let hostile = MailTemplates(frontendURL: "http://localhost:8000/a\"b<c>", productName: "Wine & <Box>")
        let message = hostile.verification(
            to: "ann@example.com", token: "t", validFor: .seconds(7200), recipientName: "<script>alert('x')</script>")
        let html = message.htmlBody ?? ""
        #expect(!html.contains("<script>"))
        #expect(html.contains("Hello &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;,"))
        #expect(html.contains("Wine &amp; &lt;Box&gt;"))
        #expect(html.contains("href=\"http://localhost:8000/a&quot;b&lt;c&gt;/verify?token=t\""))
        #expect(message.textBody.hasPrefix("Hello <script>alert('x')</script>,"))
        #expect(message.textBody.contains("expires in 2 hours."))
    }

    @Test func greetsPlainlyWithoutANameAndStripsLineBreaksFromOne() {
        let plain = templates.passwordReset(to: "ann@example.com", token: "t", validFor: .seconds(600))
        #expect(plain.textBody.hasPrefix("Hello,\n"))
        let named = templates.passwordReset(
            to: "ann@example.com", token: "t", validFor: .seconds(600), recipientName: "  Ann\r\nBcc: x ")
        #expect(named.textBody.hasPrefix("Hello AnnBcc: x,\n"))
    }

    @Test(arguments: [
        (Duration.seconds(3600), "1 hour"), (.seconds(7200), "2 hours"), (.seconds(1800), "30 minutes"),
        (.seconds(86_400), "1 day"), (.seconds(90), "2 minutes"), (.seconds(5400), "90 minutes"),
        (.seconds(10), "1 minute"),
    ])
    func statesTheValidityInWholeUnits(validity: Duration, phrase: String) {
        let message = templates.verification(to: "ann@example.com", token: "t", validFor: validity)
        #expect(message.textBody.contains("expires in \(phrase)."))
    }

    @Test func usesTheConfiguredFrontendURL() {
        let fromConfiguration = MailTemplates(configuration: MailConfiguration())
        #expect(fromConfiguration.verificationLink(token: "abc") == "http://localhost:8000/verify?token=abc")
        #expect(fromConfiguration.productName == "WineBox")
    }
}
