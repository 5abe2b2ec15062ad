/// The result of ``ConfigurationLoader/load(explicitPath:)``: the validated configuration and
/// secrets, which files were used, where each value came from, and non-fatal warnings.
public struct LoadedConfiguration: Sendable, Equatable {
    /// The effective configuration.
    public let configuration: AppConfiguration
    /// The effective secrets.
    public let secrets: Secrets
    /// The absolute path of the `config.toml` used, or `nil` when none was found (all defaults).
    public let configFile: String?
    /// The absolute path of the `secrets.env` used, or `nil` when none was found.
    public let secretsFile: String?
    /// Where each key's value came from, by dotted key (`server.port`); every key is present.
    public let sources: [String: ConfigurationSource]
    /// Where each set secret came from, by variable name (`WINEBOX_SECRET_KEY`); unset secrets are absent.
    public let secretSources: [String: ConfigurationSource]
    /// Problems that did not stop loading, one line each, in the order found. They name keys and
    /// files but never contain secret values.
    public let warnings: [String]

    init(
        configuration: AppConfiguration,
        secrets: Secrets,
        configFile: String?,
        secretsFile: String?,
        sources: [String: ConfigurationSource],
        secretSources: [String: ConfigurationSource],
        warnings: [String]
    ) {
        self.configuration = configuration
        self.secrets = secrets
        self.configFile = configFile
        self.secretsFile = secretsFile
        self.sources = sources
        self.secretSources = secretSources
        self.warnings = warnings
    }

    /// Where the value of `key` came from: a dotted configuration key (`server.port`) or a secret
    /// variable (`WINEBOX_SECRET_KEY`). `nil` for an unknown key or an unset secret.
    public func source(of key: String) -> ConfigurationSource? {
        sources[key] ?? secretSources[key]
    }

    /// A report of the effective configuration for `winebox config check`.
    ///
    /// It lists the files used, then every key as a TOML line `key = value  # source`, grouped by
    /// section with top-level keys first, then each secret as `NAME = <redacted>  # source` or
    /// `NAME = (not set)`. Secret values never appear. Warnings are not included; see ``warnings``.
    public func renderEffectiveConfiguration() -> String {
        var lines = [
            "# WineBox effective configuration",
            "# config file: " + (configFile ?? "none found, using built-in defaults"),
            "# secrets file: " + (secretsFile ?? "none found"),
        ]
        var currentSection: String?
        let ordered =
            ConfigurationKey.all.filter { $0.section == nil } + ConfigurationKey.all.filter { $0.section != nil }
        for (index, key) in ordered.enumerated() {
            if index == 0 || key.section != currentSection {
                lines.append("")
                if let section = key.section { lines.append("[\(section)]") }
                currentSection = key.section
            }
            let source = sources[key.path] ?? .default
            lines.append("\(key.name) = \(key.value(in: configuration).literal)  # \(source)")
        }
        lines.append("")
        lines.append("# secrets (values are never shown)")
        for name in Secrets.variables {
            if secrets.value(forVariable: name) != nil {
                lines.append("\(name) = <redacted>  # \(secretSources[name] ?? .default)")
            } else {
                lines.append("\(name) = (not set)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
