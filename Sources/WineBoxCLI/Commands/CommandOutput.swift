import Foundation

/// Where a command writes: standard output for results, standard error for messages. Injected so tests can
/// capture both.
public struct CommandOutput: Sendable {
    let writeOut: @Sendable (String) -> Void
    let writeError: @Sendable (String) -> Void

    public init(out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        writeOut = out
        writeError = error
    }

    /// The process's standard output and standard error.
    public static let standard = CommandOutput(
        out: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
        error: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })

    func print(_ text: String) {
        writeOut(text)
    }

    func printError(_ text: String) {
        writeError(text)
    }
}
