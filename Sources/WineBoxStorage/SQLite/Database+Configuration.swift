extension Database {
    /// Settings for opening a ``Database``. A plain value with safe defaults; every property states its default.
    public struct Configuration: Sendable, Hashable {
        /// How many read-only connections serve ``Database/read(_:)`` next to the single writer.
        ///
        /// Default 2. With WAL, readers never wait for the writer, so a couple of readers keep reads flowing during
        /// long writes; more than the number of CPU cores rarely helps. 0 makes reads share the writer connection
        /// (and queue). Ignored for in-memory databases, which always use one connection.
        public var readerCount: Int

        /// How long a connection waits for a lock held by another connection or process before failing with
        /// `.busy` (SQLite's `busy_timeout`, https://sqlite.org/c3ref/busy_timeout.html).
        ///
        /// Default 5 seconds. Rounded down to whole milliseconds and capped at `Int32.max` milliseconds.
        public var busyTimeout: Duration

        /// Creates a configuration; every argument has the documented default.
        public init(readerCount: Int = 2, busyTimeout: Duration = .milliseconds(5_000)) {
            self.readerCount = readerCount
            self.busyTimeout = busyTimeout
        }

        /// ``busyTimeout`` in whole milliseconds, clamped to `0...Int32.max`.
        var busyTimeoutMilliseconds: Int32 {
            let (seconds, attoseconds) = busyTimeout.components
            let milliseconds = Double(seconds) * 1_000 + Double(attoseconds) / 1e15
            return Int32(min(max(milliseconds, 0), Double(Int32.max)))
        }
    }
}
