/// The result of parsing a command line: the command chosen and the values given to it.
struct ParsedArguments: Sendable, Equatable {
    /// What the person asked for.
    enum Action: Sendable, Equatable {
        /// Run the command with this path.
        case run([String])
        /// Show help for the command with this path (empty: the overview).
        case help([String])
        /// Print the version.
        case version
    }

    var action: Action
    /// `--config PATH`, given before the command.
    var configPath: String?
    /// Option values by long name; flags map to `"true"`.
    var options: [String: String] = [:]
    /// Positional arguments in order.
    var positionals: [String] = []

    /// The command words, for `.run`; empty otherwise.
    var commandPath: [String] {
        if case .run(let path) = action {
            return path
        }
        return []
    }

    func value(_ option: String) -> String? {
        options[option]
    }

    func flag(_ option: String) -> Bool {
        options[option] != nil
    }
}
