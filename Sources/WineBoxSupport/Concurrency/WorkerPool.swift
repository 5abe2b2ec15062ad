import Foundation

/// A fixed set of dedicated threads for CPU-heavy or blocking work (Argon2, OCR), kept off Swift's
/// cooperative thread pool so that a burst of such work can never stall request handling.
///
/// Concurrency is bounded by `threadCount`; memory by `maxQueuedJobs`: when that many jobs are already
/// waiting, ``run(_:)`` fails at once with ``WorkerPoolError/overloaded`` instead of queueing more.
/// Threads start on demand: a job that finds no idle thread starts one, up to `threadCount`, and threads then
/// stay until ``shutdown()``. A pool that never gets a job (label images on most servers) costs no thread.
/// Jobs run in submission order. After ``shutdown()`` new jobs fail with ``WorkerPoolError/shutDown``;
/// jobs already queued still run.
public final class WorkerPool: @unchecked Sendable {
    // @unchecked: all mutable state (`queue`, `isShutDown` and the thread counts) is guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [@Sendable () -> Void] = []
    private var isShutDown = false
    /// Threads started and not yet ended.
    private var runningThreads = 0
    /// Threads running a job.
    private var busyThreads = 0
    /// The pool's name; threads are called `<name>-<n>`.
    public let name: String
    /// How many jobs run at once.
    public let threadCount: Int
    /// How many jobs may wait before new ones are refused.
    public let maxQueuedJobs: Int

    /// Creates a pool of `threadCount` threads (at least 1), none of them started yet.
    public init(name: String, threadCount: Int, maxQueuedJobs: Int = 256) {
        self.name = name
        self.threadCount = max(1, threadCount)
        self.maxQueuedJobs = max(0, maxQueuedJobs)
    }

    private static let poolNameKey = "winebox.worker-pool"

    /// The name of the pool whose thread is running the caller, or nil when called from any other thread.
    public static var currentPoolName: String? {
        Thread.current.threadDictionary[poolNameKey] as? String
    }

    /// Runs `work` on one of the pool's threads and returns its result.
    ///
    /// - Throws: ``WorkerPoolError`` when the pool is overloaded or shut down, or whatever `work` throws.
    public func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job: @Sendable () -> Void = {
                continuation.resume(with: Result { try work() })
            }
            if let refusal = enqueue(job) {
                continuation.resume(throwing: refusal)
            }
        }
    }

    /// The number of jobs waiting for a thread.
    public var queuedJobCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return queue.count
    }

    /// The number of threads started and not yet ended: 0 until the first job, never more than ``threadCount``.
    public var runningThreadCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return runningThreads
    }

    /// Refuses new jobs, lets the queued ones finish, and waits until every thread has ended.
    public func shutdown() {
        condition.lock()
        isShutDown = true
        condition.broadcast()
        while runningThreads > 0 {
            condition.wait()
        }
        condition.unlock()
    }

    private func enqueue(_ job: @escaping @Sendable () -> Void) -> WorkerPoolError? {
        condition.lock()
        defer { condition.unlock() }
        if isShutDown {
            return .shutDown
        }
        if queue.count >= maxQueuedJobs + idleThreadEstimate() {
            return .overloaded
        }
        queue.append(job)
        startThreadIfNeeded()
        condition.signal()
        return nil
    }

    /// Starts another thread when the queued jobs outnumber the idle threads and the pool is not full yet. An idle
    /// thread is one that runs no job: it is waiting, or about to take the next job. Called with the lock held.
    private func startThreadIfNeeded() {
        guard runningThreads < threadCount, queue.count > runningThreads - busyThreads else { return }
        let threadName = "\(name)-\(runningThreads)"
        let poolName = name
        let thread = Thread { [self] in
            Thread.current.name = threadName
            Thread.current.threadDictionary[Self.poolNameKey] = poolName
            self.workLoop()
        }
        runningThreads += 1
        thread.start()
    }

    /// Jobs that will start at once do not count against `maxQueuedJobs`. Called with the lock held.
    private func idleThreadEstimate() -> Int {
        max(0, threadCount - busyThreads)
    }

    private func workLoop() {
        condition.lock()
        while true {
            while queue.isEmpty && !isShutDown {
                condition.wait()
            }
            if queue.isEmpty && isShutDown {
                break
            }
            let job = queue.removeFirst()
            busyThreads += 1
            condition.unlock()
            job()
            condition.lock()
            busyThreads -= 1
        }
        runningThreads -= 1
        condition.broadcast()
        condition.unlock()
    }
}

/// Why a ``WorkerPool`` refused a job.
public struct WorkerPoolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Too many jobs are already waiting; try again later.
    public static let overloaded = WorkerPoolError(description: "too many jobs are waiting; try again later")
    /// The pool has been shut down.
    public static let shutDown = WorkerPoolError(description: "the worker pool has been shut down")

    public let description: String
}
