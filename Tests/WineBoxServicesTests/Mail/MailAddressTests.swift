import Testing
import WineBoxServices

@testable import WineBoxServices

@Suite struct MailAddressTests {
    @Test(arguments: [
        "ann@example.com", "Ann.Taylor+wine@mail.example.co.uk", "root@localhost", "o'neil@example.ie",
        "x@a-b.example",
    ])
    func acceptsPlainAddresses(address: String) {
        #expect(MailAddress.isValid(address))
    }

    @Test(arguments: [
        "", "ann", "@example.com", "ann@", "ann@@example.com", "ann@exa mple.com", "ann@example.com\r\nBcc: x@y.z",
        "<ann@example.com>", "ann@example.com>", "a,b@example.com", "\"ann\"@example.com", "ann.@example.com",
        "a..b@example.com", "ann@-example.com", "ann@example..com", "anné@example.com", "ann@exämple.com",
        String(repeating: "a", count: 65) + "@example.com",
    ])
    func refusesAnythingThatCouldBreakAHeaderOrCommand(address: String) {
        #expect(!MailAddress.isValid(address))
    }

    @Test func masksToTheFirstCharacterAndDomain() {
        #expect(MailAddress.mask("ann@example.com") == "a***@example.com")
        #expect(MailAddress.mask("no-at-sign") == "***")
        #expect(MailAddress.mask("ann@example.com\r\nBcc: x") == "***")
        #expect(
            MailAddress.maskAddresses(in: "failed: support@winebox.app, bob.m+1@example.com.")
                == "failed: s***@winebox.app, b***@example.com.")
        #expect(MailAddress.maskAddresses(in: "no address @ here") == "no address @ here")
    }

    @Test func messagesDescribeThemselvesWithoutTheBody() {
        let message = MailMessage(
            to: "ann@example.com", subject: "Hi", textBody: "token=secret", htmlBody: "<b>secret</b>")
        var dumped = ""
        dump(message, to: &dumped)
        for text in ["\(message)", String(reflecting: message), dumped] {
            #expect(!text.contains("secret"))
            #expect(!text.contains("ann@example.com"))
            #expect(text.contains("a***@example.com"))
        }
    }
}
