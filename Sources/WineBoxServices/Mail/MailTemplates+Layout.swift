extension MailTemplates {
    /// Lays `content` out as a message to `address` with a text body and an HTML body.
    func render(to address: String, content: Content) -> MailMessage {
        MailMessage(to: address, subject: content.subject, textBody: text(content), htmlBody: html(content))
    }

    /// The plain-text body: greeting, intro, the link on a line of its own, expiry, note, signature.
    func text(_ content: Content) -> String {
        [
            content.greeting, "", content.intro, "", content.link, "", content.expiry, "", content.ignoreNote, "",
            "-- ", productName, "",
        ].joined(separator: "\n")
    }

    /// The HTML body: a simple centred card with inline styles (mail clients ignore style sheets), a button
    /// and the link spelled out for clients that do not show buttons.
    func html(_ content: Content) -> String {
        let product = Self.escapeHTML(productName)
        let link = Self.escapeHTML(content.link)
        let paragraph = "margin:0 0 16px 0"
        let small = "margin:0 0 12px 0;font-size:13px;color:#6b6b6b"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escapeHTML(content.subject))</title>
            </head>
            <body style="margin:0;padding:0;background:#f4efec;font-family:Helvetica,Arial,sans-serif;color:#2b2b2b">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
            <tr><td align="center" style="padding:24px 12px">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" \
            style="max-width:560px;background:#ffffff;border-radius:8px">
            <tr><td style="padding:20px 32px;background:#6d1f37;color:#ffffff;font-size:20px;font-weight:bold;\
            border-radius:8px 8px 0 0">\(product)</td></tr>
            <tr><td style="padding:32px;font-size:16px;line-height:1.5">
            <p style="\(paragraph)">\(Self.escapeHTML(content.greeting))</p>
            <p style="\(paragraph)">\(Self.escapeHTML(content.intro))</p>
            <p style="margin:28px 0;text-align:center"><a href="\(link)" style="display:inline-block;\
            padding:12px 24px;background:#6d1f37;color:#ffffff;border-radius:6px;text-decoration:none;\
            font-weight:bold">\(Self.escapeHTML(content.buttonLabel))</a></p>
            <p style="\(paragraph)">\(Self.escapeHTML(content.expiry))</p>
            <p style="\(small)">If the button does not work, copy this address into your browser:<br>\
            <a href="\(link)" style="color:#6d1f37;word-break:break-all">\(link)</a></p>
            <p style="\(small)">\(Self.escapeHTML(content.ignoreNote))</p>
            </td></tr>
            <tr><td style="padding:16px 32px;font-size:12px;color:#8a8a8a;border-top:1px solid #eee">\
            You received this message because this address was entered in \(product).</td></tr>
            </table>
            </td></tr>
            </table>
            </body>
            </html>

            """
    }
}
