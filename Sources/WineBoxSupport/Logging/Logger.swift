import Foundation

/// The one structured logger of WineBox.
///
/// A logger is a cheap value: copy it and add metadata with ``with(_:)`` to get a child that carries, for
/// example, the request id. Messages are constant strings; the variable parts go into metadata, so logs stay
/// greppable. Message and metadata are autoclosures and cost nothing when the level is filtered out.
///
/// Never log passwords, tokens, secrets, bound SQL values or full email addresses.
public struct Logger: Sendable {
    /// The least important level that is written.
    public var level: LogLevel
    /// The output format.
    public let format: LogFormat
    /// Metadata attached to every record of this logger.
    public private(set) var metadata: [(key: String, value: String)]
    private let sink: any LogSink

    /// Creates a logger writing to `sink` (standard error by default).
    public init(level: LogLevel = .info, format: LogFormat = .text, sink: any LogSink = StandardErrorSink()) {
        self.level = level
        self.format = format
        self.metadata = []
        self.sink = sink
    }

    /// A logger that writes nothing; for code paths and tests that need one but whose output doesn't matter.
    public static var disabled: Logger {
        Logger(level: .error, sink: DiscardingSink())
    }

    /// Returns a child logger whose records also carry `metadata`; later keys replace earlier ones.
    public func with(_ metadata: KeyValuePairs<String, String>) -> Logger {
        var child = self
        for (key, value) in metadata {
            child.metadata.removeAll { $0.key == key }
            child.metadata.append((key, value))
        }
        return child
    }

    /// Whether a record at `level` would be written.
    public func isEnabled(_ level: LogLevel) -> Bool {
        level >= self.level
    }

    public func trace(_ message: @autoclosure () -> String, _ extra: @autoclosure () -> [(String, String)] = []) {
        log(.trace, message(), extra())
    }

    public func debug(_ message: @autoclosure () -> String, _ extra: @autoclosure () -> [(String, String)] = []) {
        log(.debug, message(), extra())
    }

    public func info(_ message: @autoclosure () -> String, _ extra: @autoclosure () -> [(String, String)] = []) {
        log(.info, message(), extra())
    }

    public func notice(_ message: @autoclosure () -> String, _ extra: @autoclosure () -> [(String, String)] = []) {
        log(.notice, message(), extra())
    }

    public func warning(_ message: @autoclosure () -> String, _ extra: @autoclosure () -> [(String, String)] = []) {
        log(.warning, message(), extra())
    }

    public func error(_ message: @autoclosure () -> String, _ extra: @autoclosure () -> [(String, String)] = []) {
        log(.error, message(), extra())
    }

    /// Writes one record if `level` is enabled.
    public func log(_ level: LogLevel, _ message: @autoclosure () -> String, _ extra: [(String, String)] = []) {
        guard isEnabled(level) else {
            return
        }
        let fields = metadata.map { ($0.key, $0.value) } + extra
        let record = LogRecord(timestamp: Date(), level: level, message: message(), fields: fields)
        sink.write(line: format == .json ? record.jsonLine() : record.textLine())
    }
}

private struct DiscardingSink: LogSink {
    func write(line: String) {}
}
