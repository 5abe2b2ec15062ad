/// How important a log message is, from the chattiest to the most urgent.
///
/// The policy (see `docs/logging.md`): `trace` and `debug` for developers, `info` for lifecycle events and the
/// access log, `notice` for unusual but expected events, `warning` for things an operator should look at,
/// `error` for failures an operator must act on.
public enum LogLevel: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case trace
    case debug
    case info
    case notice
    case warning
    case error

    /// Parses a level name as written in the configuration (`"info"`, `"WARNING"`); nil when unknown.
    public init?(name: String) {
        guard let level = Self.allCases.first(where: { $0.description == name.lowercased() }) else {
            return nil
        }
        self = level
    }

    public var description: String {
        switch self {
        case .trace: "trace"
        case .debug: "debug"
        case .info: "info"
        case .notice: "notice"
        case .warning: "warning"
        case .error: "error"
        }
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
