/// How log records are written.
public enum LogFormat: Sendable, Equatable {
    /// One human-readable line per record: `2026-12-03T14:00:00.123Z info  message key=value`.
    case text
    /// One JSON object per line, for log collectors.
    case json
}
