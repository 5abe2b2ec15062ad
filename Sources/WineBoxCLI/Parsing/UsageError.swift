/// A command line that cannot be understood; printed with a hint and exit code 2.
struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    let message: String
    /// The command whose help to point to (empty: the overview).
    let commandPath: [String]

    init(_ message: String, commandPath: [String] = []) {
        self.message = message
        self.commandPath = commandPath
    }

    var description: String { message }
}
