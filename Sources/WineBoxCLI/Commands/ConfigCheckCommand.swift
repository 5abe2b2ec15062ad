import WineBoxConfig

/// `winebox config check`: validates the configuration and prints the effective settings, secrets redacted.
enum ConfigCheckCommand {
    static func run(_ context: CommandContext) -> Int32 {
        do {
            let loaded = try context.loadConfiguration()
            context.output.print(loaded.renderEffectiveConfiguration())
            for warning in loaded.warnings {
                context.output.printError("warning: \(warning)")
            }
            context.output.printError("Configuration is valid.")
            return ExitCode.success
        } catch {
            context.output.printError("winebox: invalid configuration: \(error.message)")
            return ExitCode.configuration
        }
    }
}
