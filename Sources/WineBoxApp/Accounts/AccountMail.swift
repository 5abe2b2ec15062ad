import WineBoxServices

/// What accounts need to send mail: the backend and the message templates.
struct AccountMail: Sendable {
    let mailer: any Mailer
    let templates: MailTemplates
}
