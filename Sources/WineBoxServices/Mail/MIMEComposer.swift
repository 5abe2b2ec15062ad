import Foundation
import WineBoxSupport

/// Turns a ``MailMessage`` into a complete RFC 5322 message for SMTP: headers, then a
/// `multipart/alternative` body with a text and an HTML part (or a single text part), quoted-printable in
/// UTF-8, CRLF line endings throughout.
///
/// Dot-stuffing is left to libcurl, which applies it while sending. The message must have passed
/// ``MailMessage/validate()`` and the sender ``MailConfiguration/validateCommon()``, so that no value can
/// break out of its header.
struct MIMEComposer: Sendable {
    /// The bare sender address.
    let fromAddress: String
    /// The sender's display name; empty for none.
    let fromName: String

    /// The identifiers a message needs that must differ each time; random unless a test fixes them.
    struct Identifiers: Sendable {
        /// The `Message-ID` value, angle brackets included.
        var messageID: String
        /// The multipart boundary; must not occur in the encoded bodies.
        var boundary: String
    }

    /// Fresh random identifiers: 128 bits for the `Message-ID` (at the sender's domain), 96 for the boundary.
    func makeIdentifiers() -> Identifiers {
        Identifiers(
            messageID: "<\(SecureRandom.hexString(byteCount: 16))@\(MailAddress.domain(of: fromAddress))>",
            boundary: "=_winebox_\(SecureRandom.hexString(byteCount: 12))")
    }

    /// The complete message as UTF-8 bytes.
    func compose(_ message: MailMessage, date: Date, identifiers: Identifiers) -> [UInt8] {
        var lines: [String] = []
        lines.append("Date: \(MailTimestamp.rfc5322(date))")
        lines.append("From: \(fromHeaderValue)")
        lines.append("To: \(message.to)")
        lines.append("Subject: \(MIMEEncoding.unstructuredHeader(message.subject, nameLength: "Subject: ".count))")
        lines.append("Message-ID: \(identifiers.messageID)")
        lines.append("MIME-Version: 1.0")
        // RFC 3834: automatic replies (vacation notices) should not answer this message.
        lines.append("Auto-Submitted: auto-generated")
        if let html = message.htmlBody {
            lines.append("Content-Type: multipart/alternative; boundary=\"\(identifiers.boundary)\"")
            lines.append("")
            lines.append("This is a message in MIME format with a text and an HTML version.")
            lines.append("--\(identifiers.boundary)")
            lines += partLines(contentType: "text/plain", body: message.textBody)
            lines.append("--\(identifiers.boundary)")
            lines += partLines(contentType: "text/html", body: html)
            lines.append("--\(identifiers.boundary)--")
        } else {
            lines += partLines(contentType: "text/plain", body: message.textBody)
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// `WineBox <support@winebox.app>`, or the bare address without a display name.
    var fromHeaderValue: String {
        fromName.isEmpty ? fromAddress : "\(MIMEEncoding.displayName(fromName)) <\(fromAddress)>"
    }

    private func partLines(contentType: String, body: String) -> [String] {
        [
            "Content-Type: \(contentType); charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            MIMEEncoding.quotedPrintable(body),
        ]
    }
}
