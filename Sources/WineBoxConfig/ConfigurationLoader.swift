import Foundation

/// Loads the WineBox configuration from `config.toml`, `secrets.env` and environment variables.
///
/// Everything the loader reads from the outside world is injected (environment, working directory,
/// home directory, system directories) so tests can use temporary directories; only the file system
/// itself is real. Use ``forCurrentProcess()`` in the application.
///
/// Precedence, for configuration keys and for secrets alike: environment > file > built-in defaults.
/// An environment variable whose value is empty counts as unset.
///
/// Files (the first that exists wins; `~` is ``homeDirectory``):
/// - `config.toml`: the explicit path if given, else `./config.toml`, `~/.config/winebox/config.toml`,
///   then `config.toml` in each of ``systemDirectories``. None found means all defaults.
/// - `secrets.env`: the directory of the `config.toml` in use, `./`, `~/.config/winebox/`, then each
///   of ``systemDirectories``.
public struct ConfigurationLoader: Sendable {
    /// The system-wide configuration directories searched last: `["/etc/winebox"]`.
    public static let defaultSystemDirectories = ["/etc/winebox"]
    /// The largest `config.toml` or `secrets.env` accepted: 1 MiB.
    public static let maximumFileSize = 1_048_576

    /// The process environment, for `WINEBOX_*` overrides and secrets.
    public var environment: [String: String]
    /// The directory `./` and relative explicit paths refer to.
    public var currentDirectory: String
    /// The user's home directory, or `nil` to skip `~/.config/winebox`.
    public var homeDirectory: String?
    /// System-wide directories searched after the home directory, in order.
    public var systemDirectories: [String]

    /// Creates a loader over the given environment and directories.
    public init(
        environment: [String: String],
        currentDirectory: String,
        homeDirectory: String?,
        systemDirectories: [String] = ConfigurationLoader.defaultSystemDirectories
    ) {
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.homeDirectory = homeDirectory
        self.systemDirectories = systemDirectories
    }

    /// A loader for this process: its environment, working directory and `$HOME` (or the account's home).
    public static func forCurrentProcess() -> ConfigurationLoader {
        let environment = ProcessInfo.processInfo.environment
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        return ConfigurationLoader(
            environment: environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            homeDirectory: home ?? FileManager.default.homeDirectoryForCurrentUser.path
        )
    }

    /// Finds, reads, merges and validates the configuration and secrets.
    ///
    /// - Parameter explicitPath: The `--config` path, relative to ``currentDirectory`` unless absolute.
    ///   When given, it must exist and the search is skipped.
    /// - Returns: The effective values with their sources and any warnings (unknown `secrets.env` keys,
    ///   a world-readable `secrets.env`, a short secret key in debug mode, misspelt `WINEBOX_` variables).
    /// - Throws: ``ConfigurationError`` for a missing explicit file, an unreadable file, invalid TOML
    ///   (with line and column), an unknown section or key (with a suggestion when one is close), a value
    ///   of the wrong type or out of range (naming the key and the file or environment variable), or a
    ///   `WINEBOX_SECRET_KEY` shorter than 32 characters while `server.debug` is off.
    public func load(explicitPath: String? = nil) throws(ConfigurationError) -> LoadedConfiguration {
        var configuration = AppConfiguration()
        var sources = [String: ConfigurationSource]()
        for key in ConfigurationKey.all { sources[key.path] = .default }
        var warnings: [String] = []

        let configFile = try locateConfigFile(explicitPath: explicitPath)
        if let configFile {
            let root = try readTOML(at: configFile)
            try applyFile(root, path: configFile, to: &configuration, sources: &sources)
        }
        try applyEnvironment(to: &configuration, sources: &sources, warnings: &warnings)

        var secrets = Secrets()
        var secretSources = [String: ConfigurationSource]()
        let secretsFile = locateSecretsFile(besideConfigFile: configFile)
        if let secretsFile {
            try readSecretsFile(secretsFile, into: &secrets, sources: &secretSources, warnings: &warnings)
        }
        applySecretEnvironment(to: &secrets, sources: &secretSources)
        try validate(secrets, sources: secretSources, debug: configuration.server.debug, warnings: &warnings)

        return LoadedConfiguration(
            configuration: configuration,
            secrets: secrets,
            configFile: configFile,
            secretsFile: secretsFile,
            sources: sources,
            secretSources: secretSources,
            warnings: warnings
        )
    }

    /// Applies the parsed `config.toml`; keys are visited in sorted order so the first error is stable.
    private func applyFile(
        _ root: [String: TOMLValue],
        path: String,
        to configuration: inout AppConfiguration,
        sources: inout [String: ConfigurationSource]
    ) throws(ConfigurationError) {
        for (name, value) in root.sorted(by: { $0.key < $1.key }) {
            if let key = ConfigurationKey.byPath[name], key.section == nil {
                try assign(value, to: key, from: .file(path), configuration: &configuration, sources: &sources)
                continue
            }
            guard ConfigurationKey.sections.contains(name) else {
                throw Self.unknownTopLevelName(name, value: value, path: path)
            }
            guard case .table(let entries) = value else {
                throw ConfigurationError(
                    code: .typeMismatch,
                    key: name,
                    message: "\(name) must be a table ([\(name)]), got \(value.typeName) (in \(path))"
                )
            }
            for (childName, childValue) in entries.sorted(by: { $0.key < $1.key }) {
                guard let key = ConfigurationKey.byPath["\(name).\(childName)"] else {
                    var message = "unknown key \(name).\(childName) in \(path)"
                    if let hint = ConfigurationKey.suggestedPath(section: name, name: childName) {
                        message += "; did you mean \(hint)?"
                    }
                    throw ConfigurationError(code: .unknownKey, key: "\(name).\(childName)", message: message)
                }
                try assign(childValue, to: key, from: .file(path), configuration: &configuration, sources: &sources)
            }
        }
    }

    /// An unknown top-level name: a section when its value is a table, a key otherwise.
    private static func unknownTopLevelName(_ name: String, value: TOMLValue, path: String) -> ConfigurationError {
        var message: String
        if case .table = value {
            message = "unknown section [\(name)] in \(path)"
            if let hint = Suggestion.closest(to: name, among: ConfigurationKey.sections) {
                message += "; did you mean [\(hint)]?"
            }
        } else {
            message = "unknown key \(name) in \(path)"
            if let hint = ConfigurationKey.suggestedPath(section: nil, name: name) {
                message += "; did you mean \(hint)?"
            }
        }
        return ConfigurationError(code: .unknownKey, key: name, message: message)
    }

    /// Applies every `WINEBOX_<SECTION>_<KEY>` variable, and warns about variables that look like
    /// configuration overrides (they start with a section's prefix) but match no key.
    private func applyEnvironment(
        to configuration: inout AppConfiguration,
        sources: inout [String: ConfigurationSource],
        warnings: inout [String]
    ) throws(ConfigurationError) {
        for key in ConfigurationKey.all {
            let variable = key.environmentVariable
            guard let text = environment[variable], !text.isEmpty else { continue }
            guard let value = key.valueType.parseEnvironmentValue(text) else {
                throw ConfigurationError(
                    code: .typeMismatch,
                    key: key.path,
                    message: "\(variable) must be \(Self.environmentSyntax(of: key.valueType)) (for \(key.path)), "
                        + "got \(TOMLValue.quoted(String(text.prefix(64))))"
                )
            }
            try assign(value, to: key, from: .environment(variable), configuration: &configuration, sources: &sources)
        }
        let variables = ConfigurationKey.all.map(\.environmentVariable)
        let prefixes = ConfigurationKey.sections.map { "WINEBOX_\($0.uppercased())_" }
        for name in environment.keys.sorted() where !variables.contains(name) {
            guard prefixes.contains(where: { name.hasPrefix($0) }) else { continue }
            var warning = "environment variable \(name) is not a configuration key and is ignored"
            if let hint = Suggestion.closest(to: name, among: variables) { warning += "; did you mean \(hint)?" }
            warnings.append(warning)
        }
    }

    private static func environmentSyntax(of type: ConfigurationKey.ValueType) -> String {
        switch type {
        case .boolean: return "one of true, false, 1, 0, yes, no, on, off"
        case .integer: return "a whole number"
        case .string: return "a string"
        case .stringList: return "a comma-separated list"
        }
    }

    /// Validates and stores one value, recording its source; the error names the key and the source.
    private func assign(
        _ value: TOMLValue,
        to key: ConfigurationKey,
        from source: ConfigurationSource,
        configuration: inout AppConfiguration,
        sources: inout [String: ConfigurationSource]
    ) throws(ConfigurationError) {
        if let rejection = key.apply(value, to: &configuration) {
            let origin: String
            switch source {
            case .file(let path): origin = " (in \(path))"
            case .environment(let name): origin = " (from \(name))"
            case .default: origin = ""
            }
            throw ConfigurationError(
                code: rejection.code, key: key.path, message: "\(key.path) \(rejection.text)\(origin)")
        }
        sources[key.path] = source
    }
}
