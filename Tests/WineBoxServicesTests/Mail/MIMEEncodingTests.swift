import Foundation
import Testing

@testable import WineBoxServices

@Suite struct MIMEEncodingTests {
    @Test func quotedPrintableRoundTripsAndKeepsLinesShort() {
        let text =
            "Prix: 12 € = cher?\nTrailing space \nTab\t\n" + String(repeating: "é", count: 60) + "\r\n"
            + String(repeating: "x", count: 200) + "\rend"
        let encoded = MIMEEncoding.quotedPrintable(text)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(encoded.utf8.allSatisfy { $0 < 0x7F })
        #expect(!lines.contains { $0.hasSuffix(" ") || $0.hasSuffix("\t") })
        #expect(encoded.contains("12 =E2=82=AC =3D cher?"))
        let expected = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        #expect(ParsedMail.decodeQuotedPrintable(encoded) == expected)
    }

    @Test func encodedWordsStayShortAndNeverSplitACharacter() {
        let text = String(repeating: "Vérifiez 🍷 ", count: 12)
        let encoded = MIMEEncoding.encodedWords(text)
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        for word in words {
            #expect(word.count <= 75)
            let payload = Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))
            #expect(payload.flatMap { String(data: $0, encoding: .utf8) } != nil)
        }
        #expect(ParsedMail.decodeEncodedWords(encoded.replacingOccurrences(of: "\r\n ", with: " ")) == text)
    }

    @Test func displayNamesAreAtomsQuotedOrEncoded() {
        #expect(MIMEEncoding.displayName("WineBox") == "WineBox")
        #expect(MIMEEncoding.displayName("WineBox Support") == "WineBox Support")
        #expect(MIMEEncoding.displayName("Cellar, Inc. \"Main\"") == #""Cellar, Inc. \"Main\"""#)
        #expect(MIMEEncoding.displayName("Château").hasPrefix("=?UTF-8?B?"))
        #expect(MIMEEncoding.displayName("=?UTF-8?B?abc?=").hasPrefix("=?UTF-8?B?"))
    }

    @Test func longASCIISubjectsAreFoldedAtSpaces() {
        let subject = Array(repeating: "wine", count: 40).joined(separator: " ")
        let folded = MIMEEncoding.unstructuredHeader(subject, nameLength: 9)
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(("Subject: " + lines[0]).count <= 78)
        #expect(folded.replacingOccurrences(of: "\r\n ", with: " ") == subject)
    }

    @Test func datesUseRFC5322AndAWSForms() {
        let date = Date(timeIntervalSince1970: 1_440_938_160)
        #expect(MailTimestamp.rfc5322(date) == "Sun, 30 Aug 2015 12:36:00 +0000")
        #expect(MailTimestamp.amzDate(date) == "20150830T123600Z")
    }
}
