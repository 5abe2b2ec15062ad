import Foundation

/// Where a command writes: standard output for results, standard error for messages. Injected so tests can
/// capture both.
public struct CommandOutput: Sendable {
    let writeOut: @Sendable (String) -> Void
    let writeError: @Sendable (String) -> Void
    /// Writes text to standard error as it is (no line break added), for a progress line redrawn in place; nil
    /// when standard error is not a terminal, where progress is written as plain lines instead.
    let writeTerminal: (@Sendable (String) -> Void)?

    public init(out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        self.init(out: out, error: error, terminal: nil)
    }

    init(
        out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void,
        terminal: (@Sendable (String) -> Void)?
    ) {
        writeOut = out
        writeError = error
        writeTerminal = terminal
    }

    /// The process's standard output and standard error.
    public static let standard: CommandOutput = {
        var terminal: (@Sendable (String) -> Void)?
        if isatty(STDERR_FILENO) == 1 {
            terminal = { text in FileHandle.standardError.write(Data(text.utf8)) }
        }
        return CommandOutput(
            out: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
            error: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }, terminal: terminal)
    }()

    func print(_ text: String) {
        writeOut(text)
    }

    func printError(_ text: String) {
        writeError(text)
    }
}
