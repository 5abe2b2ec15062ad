import WineBoxConfig

/// The `winebox` command line: parses the arguments and runs the chosen command.
public enum WineBoxCommandLine {
    /// Runs `winebox` with `arguments` (without the program name) and returns the exit status.
    ///
    /// - Parameters:
    ///   - environment: the process environment (WINEBOX_* overrides, HOME).
    ///   - currentDirectory: where `./config.toml` is looked for.
    ///   - output: where results and messages go.
    public static func run(
        arguments: [String], environment: [String: String], currentDirectory: String,
        output: CommandOutput = .standard
    ) async -> Int32 {
        await run(
            arguments: arguments, environment: environment, currentDirectory: currentDirectory, output: output,
            passwordSource: .standard)
    }

    static func run(
        arguments: [String], environment: [String: String], currentDirectory: String, output: CommandOutput,
        passwordSource: PasswordInput.Source
    ) async -> Int32 {
        let parser = ArgumentParser(commands: Commands.all)
        let help = HelpFormatter(parser: parser)
        let parsed: ParsedArguments
        do {
            parsed = try parser.parse(arguments)
        } catch {
            output.printError("winebox: \(error.message)")
            let hint =
                error.commandPath.isEmpty
                ? "winebox --help" : "winebox \(error.commandPath.joined(separator: " ")) --help"
            output.printError("See '\(hint)'.")
            return ExitCode.usage
        }

        switch parsed.action {
        case .help(let path):
            output.print(path.isEmpty ? help.overview() : help.help(for: path))
            return ExitCode.success
        case .version:
            return VersionCommand.run(output: output)
        case .run(let path):
            let context = CommandContext(
                arguments: parsed, environment: environment, currentDirectory: currentDirectory, output: output)
            switch path {
            case Commands.serve.path:
                return await ServeCommand.run(context)
            case Commands.configCheck.path:
                return ConfigCheckCommand.run(context)
            case Commands.version.path:
                return VersionCommand.run(output: output)
            case Commands.backup.path:
                return await BackupCommand.run(context)
            case Commands.restore.path:
                return await RestoreCommand.run(context)
            case let path where path.first == "user":
                return await UserCommand.run(context, passwordSource: passwordSource)
            case Commands.xwinesImport.path:
                return await XWinesCommand.run(context)
            default:
                output.printError("winebox: '\(path.joined(separator: " "))' is not available")
                return ExitCode.usage
            }
        }
    }
}

/// What every command receives.
struct CommandContext: Sendable {
    let arguments: ParsedArguments
    let environment: [String: String]
    let currentDirectory: String
    let output: CommandOutput

    /// Loads the configuration as `serve` uses it; `overrides` are extra WINEBOX_* variables that win over
    /// the real environment.
    func loadConfiguration(overrides: [String: String] = [:]) throws(ConfigurationError) -> LoadedConfiguration {
        var environment = self.environment
        // The earlier WineBox's switch for benchmarks, kept: it maps onto server.rate_limit_enabled.
        if let disabled = environment["WINEBOX_RATE_LIMIT_DISABLED"]?.lowercased(),
            ["1", "true", "yes", "on"].contains(disabled)
        {
            environment["WINEBOX_SERVER_RATE_LIMIT_ENABLED"] = "false"
        }
        let loader = ConfigurationLoader(
            environment: environment.merging(overrides) { _, override in override },
            currentDirectory: currentDirectory, homeDirectory: environment["HOME"])
        // `backup` and `restore` also take --config after the command; it means the same as before it.
        return try loader.load(explicitPath: arguments.value("config") ?? arguments.configPath)
    }
}
