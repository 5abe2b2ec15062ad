internal import Dispatch

/// Owns one ``Connection`` and the serial `DispatchQueue` it is confined to.
///
/// Every use of the connection, including opening and closing it, runs as a block on `queue`, one at a time and in
/// submission order. The queue's threads come from libdispatch's own pool, never from Swift's cooperative pool, so
/// a blocking `sqlite3_step` (or a wait on `busy_timeout`) cannot starve async tasks.
///
/// `@unchecked Sendable` is safe because the only mutable state, `connection` and `opener`, is read and written
/// exclusively by blocks running on the serial `queue`, which orders every access; all other stored properties are
/// immutable and Sendable.
final class SerializedConnection: @unchecked Sendable {
    /// The queue label, e.g. `winebox.sqlite.writer`.
    let label: String

    private let queue: DispatchQueue
    private let queueID: Int
    private var connection: Connection?
    /// Opens the connection at its first use; nil once it is open, and after closing.
    private var opener: (@Sendable (Int) throws -> Connection)?

    /// Creates the queue, tags it with a fresh ``ConnectionQueue`` marker and runs `open` on it.
    ///
    /// Blocks the calling thread until the connection is open.
    ///
    /// - Parameter open: Opens the connection; receives the queue marker to pass to ``Connection``.
    init(label: String, open: (Int) throws -> Connection) throws {
        self.label = label
        self.queue = DispatchQueue(label: label)
        self.queueID = ConnectionQueue.makeID()
        queue.setSpecific(key: ConnectionQueue.key, value: queueID)
        let queueID = self.queueID
        let opened = try queue.sync { try open(queueID) }
        queue.sync { connection = opened }
    }

    /// Creates the queue and tags it like ``init(label:open:)``, but opens nothing yet: `open` runs on the queue
    /// when the first block needs the connection. If it fails, that block fails with its error and the next one
    /// tries again.
    static func openingOnFirstUse(label: String, open: @escaping @Sendable (Int) throws -> Connection)
        -> SerializedConnection
    {
        SerializedConnection(label: label, opener: open)
    }

    private init(label: String, opener: @escaping @Sendable (Int) throws -> Connection) {
        self.label = label
        self.queue = DispatchQueue(label: label)
        self.queueID = ConnectionQueue.makeID()
        queue.setSpecific(key: ConnectionQueue.key, value: queueID)
        queue.sync { self.opener = opener }
    }

    /// True when the caller is already running on this connection's queue.
    var isCurrent: Bool { ConnectionQueue.currentID == queueID }

    /// Runs `body` on the queue and blocks the calling thread until it finishes.
    ///
    /// Calling it from the queue itself would deadlock, so that traps with a message naming the mistake.
    ///
    /// - Throws: `.closed` once ``close()`` ran; otherwise whatever `body` throws.
    func runBlocking<T>(_ body: (Connection) throws -> T) throws -> T {
        precondition(
            !isCurrent,
            "Reentrant access to \(label) would deadlock: do not call readBlocking/writeBlocking from inside a "
                + "read or write closure.")
        return try queue.sync {
            try body(try openConnection())
        }
    }

    /// Runs `body` on the queue and suspends the calling task (without blocking a thread) until it finishes.
    ///
    /// Cancellation is not observed: once enqueued, the body runs to completion.
    ///
    /// - Throws: `.closed` once ``close()`` ran; otherwise whatever `body` throws.
    func run<T: Sendable>(_ body: @Sendable (Connection) throws -> T) async throws -> T {
        // The block below needs an escaping closure, but this function returns only after the block has run, so
        // `body` does not really escape. The job drops its reference before resuming the continuation, which keeps
        // `withoutActuallyEscaping`'s "did it escape?" check satisfied.
        try await withoutActuallyEscaping(body) { escapable in
            let job = Job(escapable)
            return try await withCheckedThrowingContinuation { continuation in
                queue.async {
                    let result = job.run(with: Result { try self.openConnection() })
                    continuation.resume(with: result)
                }
            }
        }
    }

    /// Closes the connection after every block queued before it has run. Idempotent. Blocks the calling thread; do
    /// not call it from this connection's queue.
    func closeBlocking() {
        precondition(!isCurrent, "Closing \(label) from inside its own read or write closure would deadlock.")
        queue.sync {
            connection = nil
            opener = nil
        }
    }

    /// Closes the connection after every block queued before it has run. Idempotent. Suspends without blocking.
    func close() async {
        await withCheckedContinuation { continuation in
            queue.async {
                self.connection = nil
                self.opener = nil
                continuation.resume()
            }
        }
    }

    /// The connection, opened now if this is its first use. Runs on the queue.
    private func openConnection() throws -> Connection {
        if let connection {
            return connection
        }
        guard let opener else {
            throw StorageError(.closed, "The database is closed; no further reads or writes are accepted.")
        }
        let opened = try opener(queueID)
        connection = opened
        self.opener = nil
        return opened
    }
}

extension SerializedConnection {
    /// Carries a caller's closure to the connection queue and releases it as soon as it has run.
    ///
    /// `@unchecked Sendable` is safe because `body` is written once at creation, then read and cleared only by the
    /// single queue block that runs the job; dispatching the block orders those accesses.
    private final class Job<T: Sendable>: @unchecked Sendable {
        private var body: (@Sendable (Connection) throws -> T)?

        init(_ body: @escaping @Sendable (Connection) throws -> T) {
            self.body = body
        }

        func run(with connection: Result<Connection, any Error>) -> Result<T, any Error> {
            guard let body else {
                preconditionFailure("A database job ran twice.")
            }
            self.body = nil
            return connection.flatMap { connection in Result { try body(connection) } }
        }
    }
}
