/// The description of one command: its words, options, positional arguments and help text.
struct CommandSpec: Sendable {
    /// An option such as `--port 9000` or `--force`.
    struct Option: Sendable {
        /// The long name without dashes (`port`).
        let name: String
        /// An optional one-letter alias (`p` for `-p`).
        let shortName: Character?
        /// The placeholder of the value (`PORT`); nil for a flag that takes no value.
        let valueName: String?
        let help: String

        init(_ name: String, short: Character? = nil, value: String? = nil, help: String) {
            self.name = name
            self.shortName = short
            self.valueName = value
            self.help = help
        }
    }

    /// The command words (`["config", "check"]`).
    let path: [String]
    /// One line for the command list.
    let summary: String
    /// A longer explanation for `--help`.
    let details: String
    let options: [Option]
    /// Names of required positional arguments, in order (`EMAIL`).
    let positionals: [String]

    init(_ path: [String], summary: String, details: String = "", options: [Option] = [], positionals: [String] = []) {
        self.path = path
        self.summary = summary
        self.details = details
        self.options = options
        self.positionals = positionals
    }

    var name: String { path.joined(separator: " ") }

    func option(named name: String) -> Option? {
        options.first { $0.name == name }
    }

    func option(short: Character) -> Option? {
        options.first { $0.shortName == short }
    }
}
