extension AppConfiguration {
    /// Log output settings, the `[logging]` section of `config.toml`.
    public struct Logging: Sendable, Equatable {
        /// The lowest severity that is logged, from most to least verbose.
        public enum Level: String, Sendable, CaseIterable {
            case trace
            case debug
            case info
            case notice
            case warning
            case error
        }

        /// How log lines are written.
        public enum Format: String, Sendable, CaseIterable {
            /// Text on a terminal, JSON lines otherwise.
            case auto
            /// Human-readable text lines.
            case text
            /// One JSON object per line.
            case json
        }

        /// The lowest severity logged (`level`, `WINEBOX_LOGGING_LEVEL`). Default `info`.
        ///
        /// One of `trace`, `debug`, `info`, `notice`, `warning`, `error` (any letter case).
        public var level = Level.info
        /// The line format (`format`, `WINEBOX_LOGGING_FORMAT`). Default `auto`; `auto`, `text` or `json`.
        public var format = Format.auto
        /// Whether to write one `info` line per HTTP request (`access_log`, `WINEBOX_LOGGING_ACCESS_LOG`).
        ///
        /// Default `true`. Turn it off when a reverse proxy already keeps an access log.
        public var accessLog = true

        /// The all-defaults logging settings.
        public init() {}

        /// ``format`` with `auto` decided: `text` when the log output is a terminal, `json` otherwise.
        public func resolvedFormat(outputIsTerminal: Bool) -> Format {
            guard format == .auto else { return format }
            return outputIsTerminal ? .text : .json
        }
    }
}
