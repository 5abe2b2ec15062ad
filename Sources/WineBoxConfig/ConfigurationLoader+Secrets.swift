extension ConfigurationLoader {
    /// Reads `secrets.env`: known secrets are stored (an empty value means unset), anything else is
    /// reported in `warnings` by key name and line, never by value.
    ///
    /// - Throws: ``ConfigurationError`` when the file cannot be read or is not valid UTF-8.
    func readSecretsFile(
        _ path: String,
        into secrets: inout Secrets,
        sources: inout [String: ConfigurationSource],
        warnings: inout [String]
    ) throws(ConfigurationError) {
        let bytes = try readFile(path, kind: "secrets file")
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigurationError(code: .invalidSyntax, message: "secrets file \(path) is not valid UTF-8")
        }
        if isReadableByEveryone(path) {
            warnings.append("secrets file \(path) can be read by every user; restrict it with chmod 600")
        }
        for entry in DotEnvParser.parse(text) {
            if Secrets.variables.contains(entry.key) {
                let value = entry.value.isEmpty ? nil : entry.value
                secrets.setValue(value, forVariable: entry.key)
                sources[entry.key] = value == nil ? nil : .file(path)
            } else {
                warnings.append(Self.unknownSecretWarning(key: entry.key, line: entry.line, path: path))
            }
        }
    }

    private static func unknownSecretWarning(key: String, line: Int, path: String) -> String {
        let location = "secrets file \(path) line \(line)"
        if ConfigurationKey.all.contains(where: { $0.environmentVariable == key }) {
            return "\(location): \(key) is a configuration key, not a secret, and is ignored here; "
                + "set it in config.toml or in the environment"
        }
        var warning = "\(location): unknown key \(key) is ignored"
        if Secrets.variables.contains("WINEBOX_" + key) {
            warning += "; did you mean WINEBOX_\(key)?"
        } else if let hint = Suggestion.closest(to: key, among: Secrets.variables) {
            warning += "; did you mean \(hint)?"
        }
        return warning
    }

    /// Lets non-empty secret environment variables override `secrets.env`.
    func applySecretEnvironment(to secrets: inout Secrets, sources: inout [String: ConfigurationSource]) {
        for name in Secrets.variables {
            guard let value = environment[name], !value.isEmpty else { continue }
            secrets.setValue(value, forVariable: name)
            sources[name] = .environment(name)
        }
    }

    /// Checks `WINEBOX_SECRET_KEY`: when set it must have at least ``Secrets/minimumSecretKeyLength``
    /// characters; with `server.debug` on, a shorter key is a warning instead of an error.
    func validate(
        _ secrets: Secrets,
        sources: [String: ConfigurationSource],
        debug: Bool,
        warnings: inout [String]
    ) throws(ConfigurationError) {
        guard let key = secrets.secretKey, key.count < Secrets.minimumSecretKeyLength else { return }
        let name = Secrets.secretKeyVariable
        let origin = (sources[name] ?? .default).description
        let problem =
            "\(name) (from \(origin)) is too short: it must be at least "
            + "\(Secrets.minimumSecretKeyLength) characters"
        if debug {
            warnings.append(problem + "; accepted only because server.debug is true")
        } else {
            throw ConfigurationError(code: .invalidValue, key: name, message: problem)
        }
    }
}
