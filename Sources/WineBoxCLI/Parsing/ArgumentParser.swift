/// Parses `winebox [--config PATH] COMMAND [OPTIONS] [ARGUMENTS]` against a list of command specs.
///
/// Rules: global options (`--config`, `--help`, `--version`) come before the command; the command is the
/// longest run of words that names a spec; options may use `--name value`, `--name=value` or `-n value`;
/// `--` ends options; `-h`/`--help` anywhere shows the help of the command given so far.
struct ArgumentParser: Sendable {
    let commands: [CommandSpec]

    func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var remaining = arguments[...]
        var configPath: String?

        while let first = remaining.first, first.hasPrefix("-") {
            remaining = remaining.dropFirst()
            switch first {
            case "-h", "--help":
                return ParsedArguments(action: .help([]), configPath: configPath)
            case "--version":
                return ParsedArguments(action: .version, configPath: configPath)
            case "--config":
                guard let path = remaining.first else {
                    throw UsageError("--config needs a file path")
                }
                configPath = path
                remaining = remaining.dropFirst()
            case let option where option.hasPrefix("--config="):
                configPath = String(option.dropFirst("--config=".count))
            default:
                throw UsageError("Unknown option \(first)")
            }
        }

        guard !remaining.isEmpty else {
            return ParsedArguments(action: .help([]), configPath: configPath)
        }
        if remaining.first == "help" {
            let topic = Array(remaining.dropFirst())
            guard topic.isEmpty || spec(for: topic) != nil else {
                throw UsageError("Unknown command '\(topic.joined(separator: " "))'")
            }
            return ParsedArguments(action: .help(topic), configPath: configPath)
        }

        let words = Array(remaining.prefix { !$0.hasPrefix("-") })
        guard let command = longestCommand(matching: words) else {
            let group = commands.filter { $0.path.first == words.first }
            if !group.isEmpty, let word = words.first {
                let next = words.dropFirst().first.map { "'\(word) \($0)'" } ?? "'\(word)' needs a subcommand"
                throw UsageError("Unknown command \(next)", commandPath: [word])
            }
            throw UsageError("Unknown command '\(words.first ?? remaining.first ?? "")'")
        }
        remaining = remaining.dropFirst(command.path.count)
        var parsed = ParsedArguments(action: .run(command.path), configPath: configPath)
        try parseOptions(&remaining, for: command, into: &parsed)
        if case .help = parsed.action {
            return parsed
        }
        guard parsed.positionals.count == command.positionals.count else {
            let expected = command.positionals.isEmpty ? "no arguments" : command.positionals.joined(separator: " ")
            throw UsageError("'\(command.name)' takes \(expected)", commandPath: command.path)
        }
        return parsed
    }

    func spec(for path: [String]) -> CommandSpec? {
        commands.first { $0.path == path }
    }

    /// The commands whose first word is `word` (for `winebox config --help`).
    func subcommands(of word: String) -> [CommandSpec] {
        commands.filter { $0.path.count > 1 && $0.path.first == word }
    }

    private func longestCommand(matching words: [String]) -> CommandSpec? {
        commands.filter { words.starts(with: $0.path) }.max { $0.path.count < $1.path.count }
    }

    private func parseOptions(
        _ remaining: inout ArraySlice<String>, for command: CommandSpec, into parsed: inout ParsedArguments
    ) throws(UsageError) {
        var optionsEnded = false
        while let argument = remaining.first {
            remaining = remaining.dropFirst()
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument == "-h" || argument == "--help" {
                parsed.action = .help(command.path)
                return
            }
            let (option, inlineValue) = try resolve(argument, in: command)
            if option.valueName == nil {
                guard inlineValue == nil else {
                    throw UsageError("--\(option.name) takes no value", commandPath: command.path)
                }
                parsed.options[option.name] = "true"
                continue
            }
            if let inlineValue {
                parsed.options[option.name] = inlineValue
            } else if let next = remaining.first {
                parsed.options[option.name] = next
                remaining = remaining.dropFirst()
            } else {
                throw UsageError(
                    "--\(option.name) needs a value (\(option.valueName ?? "VALUE"))", commandPath: command.path)
            }
        }
    }

    private func resolve(_ argument: String, in command: CommandSpec) throws(UsageError) -> (
        CommandSpec.Option, String?
    ) {
        if argument.hasPrefix("--") {
            let body = argument.dropFirst(2)
            let parts = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let option = command.option(named: String(parts[0])) else {
                throw UsageError("Unknown option \(argument) for '\(command.name)'", commandPath: command.path)
            }
            return (option, parts.count > 1 ? String(parts[1]) : nil)
        }
        let letters = argument.dropFirst()
        guard letters.count == 1, let letter = letters.first, let option = command.option(short: letter) else {
            throw UsageError("Unknown option \(argument) for '\(command.name)'", commandPath: command.path)
        }
        return (option, nil)
    }
}
