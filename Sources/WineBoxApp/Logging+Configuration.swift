import Foundation
public import WineBoxConfig
public import WineBoxSupport

extension Logger {
    /// The process logger as the configuration asks: level, and text or JSON lines on standard error.
    public static func make(for configuration: AppConfiguration.Logging, sink: any LogSink = StandardErrorSink())
        -> Logger
    {
        let level = LogLevel(name: configuration.level.rawValue) ?? .info
        let format = configuration.resolvedFormat(outputIsTerminal: isatty(STDERR_FILENO) == 1)
        return Logger(level: level, format: format == .json ? .json : .text, sink: sink)
    }
}
