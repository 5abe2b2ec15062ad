import Foundation

/// Reads a new password for `user add` and `user passwd`: the first line of standard input with
/// `--password-stdin` (for scripts), else typed twice at a terminal without echo.
enum PasswordInput {
    /// Where a password comes from; injectable for tests.
    struct Source: Sendable {
        let readLine: @Sendable () -> String?
        let isTerminal: @Sendable () -> Bool
        let prompt: @Sendable (String) -> String?

        static let standard = Source(
            readLine: { Swift.readLine(strippingNewline: true) },
            isTerminal: { isatty(STDIN_FILENO) == 1 },
            prompt: { message in
                message.withCString { getpass($0) }.map { String(cString: $0) }
            })
    }

    /// - Throws: ``UsageError`` when no password can be read or the two entries differ.
    static func read(fromStandardInput: Bool, source: Source, commandPath: [String]) throws(UsageError) -> String {
        if fromStandardInput {
            guard let line = source.readLine(), !line.isEmpty else {
                throw UsageError("--password-stdin: standard input had no password", commandPath: commandPath)
            }
            return line
        }
        guard source.isTerminal() else {
            throw UsageError(
                "Give the password with --password-stdin (standard input is not a terminal)", commandPath: commandPath)
        }
        guard let first = source.prompt("New password: "), !first.isEmpty,
            let second = source.prompt("Repeat the password: ")
        else {
            throw UsageError("No password entered", commandPath: commandPath)
        }
        guard first == second else {
            throw UsageError("The two passwords differ", commandPath: commandPath)
        }
        return first
    }
}
