internal import Synchronization

/// Tells whether anything committed to a database file since the last look, whichever connection or process
/// committed it, so callers can keep results derived from the data (rendered responses, admitted sessions) until
/// the data changes.
///
/// It holds one private read-only connection and asks it for `PRAGMA data_version`, which SQLite changes whenever
/// another connection (of this process or any other, such as `winebox user disable` run beside the server) commits.
/// The question costs a few microseconds and no disk read in WAL mode: SQLite compares a counter in the shared
/// WAL index. The connection opens on the first question (an idle server keeps its memory). Thread-safe; the
/// connection is used under a lock and never leaves this type.
final class ChangeWatch: Sendable {
    private struct State: ~Copyable {
        var connection: Connection?
        var lastVersion: Int64 = 0
        var generation: UInt64 = 0
    }

    private let path: String
    private let busyTimeoutMilliseconds: Int32
    private let state = Mutex(State())

    /// Prepares to watch `path`, which must be a database file (not `:memory:`).
    init(path: String, busyTimeoutMilliseconds: Int32) {
        self.path = path
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
    }

    /// A number that moves on (never back) after every commit by any connection other than the watcher's own.
    ///
    /// Read it *before* reading the data a cached result comes from: a commit that lands in between then only
    /// makes the cache entry look older than it is, never newer. When SQLite cannot answer, the generation moves
    /// on anyway, so a failure can only cost a cache miss.
    func generation() -> UInt64 {
        state.withLock { state in
            if state.connection == nil {
                state.connection = try? Connection(
                    path: path, access: .readOnly, busyTimeoutMilliseconds: busyTimeoutMilliseconds, queueID: nil)
            }
            let version = state.connection.flatMap { try? Self.dataVersion(of: $0) } ?? state.lastVersion &+ 1
            if version != state.lastVersion {
                state.lastVersion = version
                state.generation &+= 1
            }
            return state.generation
        }
    }

    private static func dataVersion(of connection: Connection) throws(StorageError) -> Int64 {
        guard let row = try connection.cachedStatement(sql: "PRAGMA data_version").queryOne() else {
            throw StorageError(.other, "PRAGMA data_version returned no row.")
        }
        return try row.int64(at: 0)
    }
}
