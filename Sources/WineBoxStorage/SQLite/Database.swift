internal import Synchronization

/// The SQLite database, and the only entry point the rest of WineBox uses to reach it.
///
/// **Connections.** A file database gets one read-write *writer* connection plus a small pool of read-only *reader*
/// connections (``Configuration/readerCount``, default 2). The first reader opens with the writer; the others open
/// the first time a read is routed to them, which happens only when reads overlap. WAL journaling lets readers run
/// while the writer holds an open transaction: each read sees the last committed state. An in-memory (`:memory:`) or
/// temporary (empty path) database exists only inside one connection, so it gets a single connection that serves
/// both reads and writes.
///
/// **Threading.** Each connection is confined to its own serial `DispatchQueue`. The async ``read(_:)`` and
/// ``write(_:)`` suspend the calling task and run the closure on that queue, so blocking SQLite calls never occupy
/// Swift's cooperative thread pool. Writes are serialized by the single writer queue, in submission order. Task
/// cancellation is not observed: once submitted, a closure runs to completion (check `Task.isCancelled` before
/// calling if the work is optional).
///
/// **Closure-scoped access.** The ``Connection`` handed to a closure is valid only during that call and must not be
/// stored; only the closure's `Sendable` result crosses back. ``write(_:)`` wraps the closure in
/// `BEGIN IMMEDIATE … COMMIT` and rolls back if it throws; ``read(_:)`` wraps it in a deferred (snapshot)
/// transaction on a read-only connection, so writes inside a read fail with `.readOnly`.
///
/// ```swift
/// let database = try await Database.open(at: "/var/lib/winebox/winebox.sqlite")
/// let id = try await database.write { connection in
///     try connection.execute("INSERT INTO wine (name) VALUES (?)", [.text(name)])
///     return connection.lastInsertRowID
/// }
/// let names = try await database.read { connection in
///     try connection.query("SELECT name FROM wine ORDER BY name").map { try $0.string("name") }
/// }
/// ```
///
/// **Lifetime.** ``close()`` (or ``closeBlocking()``) waits for queued work, then closes every connection; it is
/// idempotent, and afterwards every read or write throws `.closed`. Dropping the last reference without closing
/// also closes the connections, once their queued work has finished.
public final class Database: Sendable {
    /// The path the database was opened with.
    public let path: String
    /// The configuration the database was opened with.
    public let configuration: Configuration

    private let writer: SerializedConnection
    private let readers: [SerializedConnection]
    /// How many reads are queued or running on each reader; reads go to the least busy one.
    private let readerLoads: Mutex<[Int]>
    private let isClosed = Atomic<Bool>(false)
    /// Writes run by this object, counted when they end (committed or not); see ``changeGeneration()``.
    private let finishedWrites = Atomic<UInt64>(0)
    /// Notices commits of other connections and processes; nil for a temporary database, which no other
    /// connection can reach.
    private let changeWatch: ChangeWatch?

    /// Opens the writer connection, then the readers.
    ///
    /// Blocks the calling thread while the connections open (normally a few milliseconds; longer if SQLite must
    /// recover a WAL left by a crash). From async code prefer ``open(at:migrations:configuration:)``, which also
    /// creates the directory and migrates.
    ///
    /// - Parameters:
    ///   - path: The database file (created if missing), or `:memory:` for a private in-memory database.
    ///   - configuration: Connection settings; see ``Configuration``.
    /// - Throws: ``StorageError`` (`.cannotOpen`, `.corrupt`, `.configuration`, …).
    public init(path: String, configuration: Configuration = Configuration()) throws {
        precondition(configuration.readerCount >= 0, "Database.Configuration.readerCount must not be negative")
        let timeout = configuration.busyTimeoutMilliseconds
        self.path = path
        self.configuration = configuration
        self.writer = try SerializedConnection(label: "winebox.sqlite.writer") { queueID in
            try Connection(path: path, access: .readWrite, busyTimeoutMilliseconds: timeout, queueID: queueID)
        }
        let readerCount = Connection.isTemporary(path: path) ? 0 : configuration.readerCount
        let openReader: @Sendable (Int) throws -> Connection = { queueID in
            try Connection(path: path, access: .readOnly, busyTimeoutMilliseconds: timeout, queueID: queueID)
        }
        // The first reader opens now, so a file that cannot be read fails here; the others open when reads first
        // overlap (each connection holds its own copy of the schema, about 130 KB for WineBox's).
        self.readers = try (0..<readerCount).map { number in
            let label = "winebox.sqlite.reader.\(number + 1)"
            if number == 0 {
                return try SerializedConnection(label: label, open: openReader)
            }
            return SerializedConnection.openingOnFirstUse(label: label, open: openReader)
        }
        self.readerLoads = Mutex(Array(repeating: 0, count: readerCount))
        self.changeWatch =
            Connection.isTemporary(path: path) ? nil : ChangeWatch(path: path, busyTimeoutMilliseconds: timeout)
    }

    // MARK: Change generation

    /// A number that moves on after every commit to this database, by this object or by any other connection
    /// or process; equal numbers mean nothing was committed in between.
    ///
    /// For caches of results derived from the data: read the generation first, then the data, and keep the result
    /// under that generation; when a later call answers another number the result may be stale. It may move on
    /// without a real change (a failed write, a checkpoint), never the other way round. Costs a few microseconds
    /// and runs on the calling thread (safe on the cooperative pool: no disk read, a lock held only briefly).
    public func changeGeneration() -> UInt64 {
        let own = finishedWrites.load(ordering: .sequentiallyConsistent)
        return own &+ (changeWatch?.generation() ?? 0)
    }

    // MARK: Async access

    /// Runs `body` in a read transaction on a reader connection and returns its result.
    ///
    /// The closure sees one consistent snapshot of committed data, runs on a database queue (never on the
    /// cooperative pool) and may run at the same time as a write. Writing inside it fails with `.readOnly`.
    ///
    /// - Throws: `.closed` after ``close()``; ``StorageError`` from SQLite; or the closure's own error, unchanged.
    public func read<T: Sendable>(_ body: @Sendable (Connection) throws -> T) async throws -> T {
        try checkOpen()
        guard let reader = checkOutReader() else {
            return try await writer.run { connection in
                try connection.withQueryOnly { try connection.inTransaction(.deferred, body) }
            }
        }
        defer { checkIn(reader) }
        return try await readers[reader].run { connection in
            try connection.inTransaction(.deferred, body)
        }
    }

    /// Runs `body` in a write transaction (`BEGIN IMMEDIATE … COMMIT`) on the writer connection and returns its
    /// result.
    ///
    /// Writes run one at a time, in the order they were submitted. If the closure throws, the transaction is
    /// rolled back, so a failed write changes nothing, and the closure's error is rethrown unchanged.
    ///
    /// - Throws: `.closed` after ``close()``; `.busy` if another process holds the lock beyond the busy timeout;
    ///   ``StorageError`` from SQLite; or the closure's own error.
    public func write<T: Sendable>(_ body: @Sendable (Connection) throws -> T) async throws -> T {
        try checkOpen()
        defer { finishedWrites.add(1, ordering: .sequentiallyConsistent) }
        return try await writer.run { connection in
            try connection.inTransaction(.immediate, body)
        }
    }

    // MARK: Blocking access

    /// Like ``read(_:)``, but blocks the calling thread until the closure has run.
    ///
    /// Only for callers that already run on their own (non-cooperative) thread, such as a libmicrohttpd worker
    /// thread or start-up code before any task runs. Calling it from async code parks one of the few cooperative
    /// threads for the whole database call; use ``read(_:)`` there. Never call it from inside a read or write
    /// closure: if it lands on the connection already in use, it traps (waiting would deadlock).
    public func readBlocking<T>(_ body: (Connection) throws -> T) throws -> T {
        try checkOpen()
        guard let reader = checkOutReader() else {
            return try writer.runBlocking { connection in
                try connection.withQueryOnly { try connection.inTransaction(.deferred, body) }
            }
        }
        defer { checkIn(reader) }
        return try readers[reader].runBlocking { connection in
            try connection.inTransaction(.deferred, body)
        }
    }

    /// Like ``write(_:)``, but blocks the calling thread until the closure has run.
    ///
    /// Only for callers that already run on their own (non-cooperative) thread; see ``readBlocking(_:)``. Calling it
    /// from inside a write closure traps (it would deadlock).
    public func writeBlocking<T>(_ body: (Connection) throws -> T) throws -> T {
        try checkOpen()
        defer { finishedWrites.add(1, ordering: .sequentiallyConsistent) }
        return try writer.runBlocking { connection in
            try connection.inTransaction(.immediate, body)
        }
    }

    // MARK: Closing

    /// Waits for all queued work, then closes every connection (readers first, so the writer's close can
    /// checkpoint the WAL into the main file).
    ///
    /// Idempotent: later calls return once the connections are closed. Reads and writes that start afterwards
    /// throw `.closed`. Suspends without blocking a thread.
    public func close() async {
        isClosed.store(true, ordering: .sequentiallyConsistent)
        for reader in readers {
            await reader.close()
        }
        await writer.close()
    }

    /// Like ``close()``, but blocks the calling thread. Must not be called from inside a read or write closure.
    public func closeBlocking() {
        isClosed.store(true, ordering: .sequentiallyConsistent)
        for reader in readers {
            reader.closeBlocking()
        }
        writer.closeBlocking()
    }

    // MARK: Internals

    private func checkOpen() throws(StorageError) {
        if isClosed.load(ordering: .sequentiallyConsistent) {
            throw StorageError(.closed, "The database is closed; no further reads or writes are accepted.")
        }
    }

    /// Reserves the least busy reader and returns its index, or nil when reads share the writer connection.
    private func checkOutReader() -> Int? {
        readerLoads.withLock { loads -> Int? in
            guard let index = loads.indices.min(by: { loads[$0] < loads[$1] }) else { return nil }
            loads[index] += 1
            return index
        }
    }

    private func checkIn(_ index: Int) {
        readerLoads.withLock { loads in loads[index] -= 1 }
    }
}
