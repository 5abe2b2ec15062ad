import Foundation
public import WineBoxSupport

extension MailConfiguration {
    /// Checks the settings the configured ``backend`` needs, and creates its mailer.
    ///
    /// With the console backend a notice is logged at once, because messages (and the tokens in them) then
    /// go to the log instead of to the recipients.
    ///
    /// - Parameter logger: the logger the mailer writes to; it logs masked recipients, never bodies (except
    ///   ``ConsoleMailer``, by design).
    /// - Throws: ``MailError`` `.misconfigured` naming the key that is missing or wrong.
    public func makeMailer(logger: Logger) throws -> any Mailer {
        try validate()
        switch backend {
        case .console:
            logger.notice(
                "E-mail backend is console: messages are written to the log, not delivered",
                [("backend", backend.rawValue)])
            return ConsoleMailer(logger: logger)
        case .smtp:
            return try SMTPMailer(configuration: self, logger: logger)
        case .ses:
            return try SESMailer(configuration: self, logger: logger)
        }
    }

    /// Checks the settings shared by every backend and those of the configured ``backend``.
    ///
    /// - Throws: ``MailError`` `.misconfigured` with a message naming the key; never a secret value.
    public func validate() throws {
        try validateCommon()
        switch backend {
        case .console:
            break
        case .smtp:
            try validateSMTP()
        case .ses:
            try validateSES()
        }
    }

    /// The sender, the links' base URL and the timeout.
    func validateCommon() throws {
        guard MailAddress.isValid(fromAddress) else {
            throw MailError(.misconfigured, "email.from_address must be a plain address such as support@example.com")
        }
        guard !fromName.unicodeScalars.contains(where: MailMessage.isControl), fromName.count <= 200 else {
            throw MailError(.misconfigured, "email.from_name must be one line of at most 200 characters")
        }
        guard let url = URL(string: frontendURL), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host?.isEmpty == false
        else {
            throw MailError(.misconfigured, "email.frontend_url must be an http:// or https:// URL with a host")
        }
        guard timeout > .zero, timeout <= .seconds(600) else {
            throw MailError(.misconfigured, "email.timeout_seconds must be more than 0 and at most 600")
        }
    }

    /// The SMTP host, port, security and credentials.
    func validateSMTP() throws {
        guard let host = smtpHost.nonEmpty else {
            throw MailError(.misconfigured, "email.smtp_host must be set when email.backend is smtp")
        }
        guard Self.isAcceptableHost(host) else {
            throw MailError(.misconfigured, "email.smtp_host must be a host name or an IP address")
        }
        guard (1...65535).contains(smtpPort) else {
            throw MailError(.misconfigured, "email.smtp_port must be between 1 and 65535, got \(smtpPort)")
        }
        if smtpSecurity == .none && !Self.isLoopback(host) {
            throw MailError(
                .misconfigured,
                "email.smtp_security = none sends mail and passwords unencrypted; it is only allowed when "
                    + "email.smtp_host is a loopback address (localhost, 127.0.0.1, ::1). Use starttls or tls")
        }
        if smtpUsername.isSet && !smtpPassword.isSet {
            throw MailError(
                .misconfigured, "email.smtp_username is set but the secret \(Self.smtpPasswordVariable) is not")
        }
        if smtpPassword.isSet && !smtpUsername.isSet {
            throw MailError(
                .misconfigured, "The secret \(Self.smtpPasswordVariable) is set but email.smtp_username is not")
        }
    }

    /// The AWS keys, the region and the endpoint override.
    func validateSES() throws {
        guard awsAccessKeyID.isSet, awsSecretAccessKey.isSet else {
            throw MailError(
                .misconfigured,
                "email.backend = ses needs the secrets \(Self.awsAccessKeyIDVariable) and "
                    + "\(Self.awsSecretAccessKeyVariable)")
        }
        let regionIsWellFormed =
            !awsRegion.isEmpty && awsRegion.count <= 32
            && awsRegion.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard regionIsWellFormed else {
            throw MailError(.misconfigured, "email.aws_region must be an AWS region name such as eu-west-1")
        }
        _ = try sesEndpointURL()
    }

    /// The base URL of the SES API: ``sesEndpoint`` when set, else `https://email.<region>.amazonaws.com`.
    ///
    /// - Throws: ``MailError`` `.misconfigured` for a malformed override, or `http://` on a non-loopback host.
    func sesEndpointURL() throws -> URL {
        guard let override = sesEndpoint.nonEmpty else {
            guard let url = URL(string: "https://email.\(awsRegion).amazonaws.com") else {
                throw MailError(.misconfigured, "email.aws_region must be an AWS region name such as eu-west-1")
            }
            return url
        }
        guard let url = URL(string: override), let scheme = url.scheme?.lowercased(), let host = url.host,
            !host.isEmpty, url.query == nil, url.user == nil
        else {
            throw MailError(
                .misconfigured, "email.ses_endpoint must be a URL such as https://email.eu-west-1.amazonaws.com")
        }
        guard scheme == "https" || (scheme == "http" && Self.isLoopback(host)) else {
            throw MailError(.misconfigured, "email.ses_endpoint must use https:// (http:// only for a loopback host)")
        }
        return url
    }

    /// The timeout in seconds, for APIs that take a `TimeInterval`.
    var timeoutSeconds: Double {
        let parts = timeout.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// Whether `host` is `localhost`, an IPv4 address in 127.0.0.0/8 or the IPv6 loopback `::1` (with or
    /// without brackets). Host names other than `localhost` are not resolved.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if bare.lowercased() == "localhost" {
            return true
        }
        var ipv4 = in_addr()
        if inet_pton(AF_INET, bare, &ipv4) == 1 {
            return UInt32(bigEndian: ipv4.s_addr) >> 24 == 127
        }
        var ipv6 = in6_addr()
        if inet_pton(AF_INET6, bare, &ipv6) == 1 {
            return withUnsafeBytes(of: &ipv6) { bytes in bytes.dropLast().allSatisfy { $0 == 0 } && bytes.last == 1 }
        }
        return false
    }

    /// A DNS name of letters, digits, hyphens and dots, or an IPv4 or IPv6 address (IPv6 with or without
    /// brackets). Nothing that could change the meaning of the URL libcurl is given.
    static func isAcceptableHost(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var ipv6 = in6_addr()
        if bare.contains(":") {
            return inet_pton(AF_INET6, bare, &ipv6) == 1
        }
        guard bare == host, !host.isEmpty, host.count <= 253, !host.hasPrefix("-"), !host.hasPrefix(".") else {
            return false
        }
        return host.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                || $0 == "."
        }
    }
}
