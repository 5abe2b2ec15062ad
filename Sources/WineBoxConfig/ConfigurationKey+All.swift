extension ConfigurationKey {
    /// Every configuration key, in the order `config check` prints them (top-level keys first).
    ///
    /// To add a key: add the property, with its default and a doc comment, to ``AppConfiguration``,
    /// add one line here, and document it in `config/config.toml.example`.
    static let all: [ConfigurationKey] = [
        .string(nil, "app_name", \.appName, constraint: "1-64 characters", check: checkAppName),
        .string("server", "host", \.server.host, constraint: "IP literal or localhost", check: checkHost),
        .integer("server", "port", \.server.port, range: 0...65_535),
        .boolean("server", "debug", \.server.debug),
        .boolean("server", "enforce_https", \.server.enforceHTTPS),
        .integer("server", "workers", \.server.workers, range: 0...64),
        .integer("server", "connection_timeout_seconds", \.server.connectionTimeoutSeconds, range: 1...3_600),
        .integer("server", "max_connections", \.server.maxConnections, range: 1...100_000),
        .integer("server", "max_connections_per_ip", \.server.maxConnectionsPerIP, range: 0...100_000),
        .string("server", "public_dir", \.server.publicDirectory, constraint: "path", check: checkPath),
        .boolean("server", "rate_limit_enabled", \.server.rateLimitEnabled),
        .integer("server", "rate_limit_per_minute", \.server.rateLimitPerMinute, range: 1...100_000),
        .stringList("server", "trusted_proxies", \.server.trustedProxies, check: checkProxy),
        .stringList("server", "cors_origins", \.server.corsOrigins, check: checkOrigin),
        .string("storage", "data_dir", \.storage.dataDirectory, constraint: "path", check: checkPath),
        .integer("storage", "max_upload_mb", \.storage.maxUploadMB, range: 1...1_024),
        .choice("logging", "level", \.logging.level),
        .choice("logging", "format", \.logging.format),
        .boolean("logging", "access_log", \.logging.accessLog),
        .boolean("auth", "registration_enabled", \.auth.registrationEnabled),
        .boolean("auth", "email_verification_required", \.auth.emailVerificationRequired),
        .integer("auth", "token_lifetime_minutes", \.auth.tokenLifetimeMinutes, range: 5...1_440),
        .integer("auth", "argon2_memory_kib", \.auth.argon2MemoryKiB, range: 19_456...1_048_576),
        .integer("auth", "argon2_iterations", \.auth.argon2Iterations, range: 2...10),
        .integer("auth", "argon2_parallelism", \.auth.argon2Parallelism, range: 1...8),
        .integer("auth", "max_concurrent_hashes", \.auth.maxConcurrentHashes, range: 1...16),
        .integer("auth", "auth_rate_limit_per_minute", \.auth.authRateLimitPerMinute, range: 1...10_000),
        .string(
            "email", "backend", \.email.backend, constraint: "console, smtp or ses",
            check: oneOf(["console", "smtp", "ses"])),
        .string("email", "from_address", \.email.fromAddress, constraint: "e-mail address", check: checkEmail),
        .string("email", "from_name", \.email.fromName, constraint: "1-64 characters", check: checkAppName),
        .string("email", "frontend_url", \.email.frontendURL, constraint: "http(s) URL", check: checkURL),
        .string("email", "aws_region", \.email.awsRegion, constraint: "AWS region"),
        .string(
            "email", "ses_endpoint", \.email.sesEndpoint, constraint: "empty or http(s) URL",
            check: { $0.isEmpty ? nil : checkURL($0) }),
        .string("email", "smtp_host", \.email.smtpHost, constraint: "host name or address"),
        .integer("email", "smtp_port", \.email.smtpPort, range: 1...65_535),
        .string("email", "smtp_username", \.email.smtpUsername),
        .string(
            "email", "smtp_security", \.email.smtpSecurity, constraint: "starttls, tls or none",
            check: oneOf(["starttls", "tls", "none"])),
        .integer("email", "timeout_seconds", \.email.timeoutSeconds, range: 1...120),
        .boolean("ocr", "use_claude_vision", \.ocr.useClaudeVision),
        .string(
            "ocr", "tesseract_lang", \.ocr.tesseractLanguages, constraint: "language codes joined by +",
            check: AppConfiguration.OCR.problem(withTesseractLanguages:)),
        .string(
            "ocr", "anthropic_model", \.ocr.anthropicModel, constraint: "model id",
            check: AppConfiguration.OCR.problem(withModel:)),
        .string(
            "ocr", "anthropic_base_url", \.ocr.anthropicBaseURL, constraint: "https URL (http for loopback)",
            check: AppConfiguration.OCR.problem(withBaseURL:)),
        .integer("ocr", "anthropic_timeout_seconds", \.ocr.anthropicTimeoutSeconds, range: 1...600),
        .integer("ocr", "anthropic_max_tokens", \.ocr.anthropicMaxTokens, range: 64...8_192),
    ]

    /// The keys by their dotted ``path``.
    static let byPath: [String: ConfigurationKey] = Dictionary(
        all.map { ($0.path, $0) },
        uniquingKeysWith: { first, _ in first }
    )

    /// The section names, in table order.
    static let sections: [String] = all.reduce(into: []) { names, key in
        if let section = key.section, !names.contains(section) { names.append(section) }
    }

    private static func checkAppName(_ text: String) -> String? {
        if text.isEmpty || text.count > 64 { return "must be 1 to 64 characters long" }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "must not contain control characters"
        }
        return nil
    }

    private static func checkHost(_ text: String) -> String? {
        AppConfiguration.Server.isValidHost(text)
            ? nil : "must be an IPv4 or IPv6 address (such as 127.0.0.1, 0.0.0.0 or ::1) or \"localhost\""
    }

    private static func checkProxy(_ text: String) -> String? {
        text.lowercased() != "localhost" && AppConfiguration.Server.isValidHost(text)
            ? nil : "must be an IPv4 or IPv6 address"
    }

    private static func checkOrigin(_ text: String) -> String? {
        if text == "*" { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let valid =
            (text.hasPrefix("http://") || text.hasPrefix("https://")) && parts.count == 3 && !parts[2].isEmpty
            && !text.unicodeScalars.contains { $0.value <= 0x20 }
        return valid ? nil : "must be \"*\" or an origin such as \"https://cellar.example.com\" (no path)"
    }

    private static func oneOf(_ choices: [String]) -> @Sendable (String) -> String? {
        { text in choices.contains(text) ? nil : "must be one of " + choices.joined(separator: ", ") }
    }

    private static func checkEmail(_ text: String) -> String? {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
            ? nil : "must be an e-mail address"
    }

    private static func checkURL(_ text: String) -> String? {
        (text.hasPrefix("http://") || text.hasPrefix("https://")) && !text.contains(" ") && text.count > 8
            ? nil : "must be an http:// or https:// URL"
    }

    private static func checkPath(_ text: String) -> String? {
        if text.isEmpty { return "must not be empty" }
        if text.contains("\0") { return "must not contain NUL characters" }
        return nil
    }
}

extension ConfigurationKey {
    /// The dotted path of a known key that an unknown `name` (in `section`, or top level when `nil`)
    /// probably meant: a close name in the same section, the same name in another section, or a close
    /// name in another section, in that order.
    static func suggestedPath(section: String?, name: String) -> String? {
        let local = all.filter { $0.section == section }
        if let match = Suggestion.closest(to: name, among: local.map(\.name)) {
            return local.first { $0.name == match }?.path
        }
        let others = all.filter { $0.section != section }
        if let same = others.first(where: { $0.name.lowercased() == name.lowercased() }) {
            return same.path
        }
        if let match = Suggestion.closest(to: name, among: others.map(\.name)) {
            return others.first { $0.name == match }?.path
        }
        return nil
    }
}
