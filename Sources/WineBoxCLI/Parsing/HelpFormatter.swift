import Foundation

/// Renders the overview and per-command help texts.
struct HelpFormatter: Sendable {
    let parser: ArgumentParser

    /// `winebox --help`.
    func overview() -> String {
        var lines = [
            "WineBox \u{2014} a self-hosted wine cellar manager.",
            "",
            "Usage: winebox [--config PATH] COMMAND [OPTIONS]",
            "",
            "Commands:",
        ]
        let width = (parser.commands.map(\.name.count).max() ?? 0) + 2
        for command in parser.commands {
            lines.append("  " + command.name.padding(toLength: width, withPad: " ", startingAt: 0) + command.summary)
        }
        lines += [
            "",
            "Global options:",
            "  --config PATH   Read this config.toml instead of searching ./, ~/.config/winebox/, /etc/winebox/",
            "  -h, --help      Show help (also after a command: winebox serve --help)",
            "  --version       Print the version",
            "",
            ExitCode.summary,
        ]
        return lines.joined(separator: "\n")
    }

    /// `winebox COMMAND --help`; for a group word such as `config`, lists its subcommands.
    func help(for path: [String]) -> String {
        guard let command = parser.spec(for: path) else {
            let group = parser.subcommands(of: path.first ?? "")
            guard !group.isEmpty else {
                return overview()
            }
            var lines = ["Usage: winebox \(path.joined(separator: " ")) SUBCOMMAND", "", "Subcommands:"]
            lines += group.map { "  \($0.name)   \($0.summary)" }
            return lines.joined(separator: "\n")
        }
        var usage = "Usage: winebox \(command.name)"
        if !command.options.isEmpty {
            usage += " [OPTIONS]"
        }
        for positional in command.positionals {
            usage += " \(positional)"
        }
        var lines = [usage, "", command.summary]
        if !command.details.isEmpty {
            lines += ["", command.details]
        }
        lines += ["", "Options:"]
        var rows = command.options.map { option -> (String, String) in
            var left = option.shortName.map { "-\($0), " } ?? "    "
            left += "--\(option.name)"
            if let valueName = option.valueName {
                left += " \(valueName)"
            }
            return (left, option.help)
        }
        rows.append(("-h, --help", "Show this help"))
        let width = (rows.map(\.0.count).max() ?? 0) + 2
        lines += rows.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + $0.1 }
        return lines.joined(separator: "\n")
    }
}
