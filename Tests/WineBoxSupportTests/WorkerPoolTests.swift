import Foundation
import Synchronization
import Testing
import WineBoxSupport

private struct Failure: Error {}

/// Tracks how many jobs run at once and the most seen.
private final class Occupancy: Sendable {
    private let state = Mutex((now: 0, peak: 0))

    func enter() {
        state.withLock {
            $0.now += 1
            $0.peak = max($0.peak, $0.now)
        }
    }

    func leave() {
        state.withLock { $0.now -= 1 }
    }

    var peak: Int { state.withLock { $0.peak } }
}

@Suite struct WorkerPoolTests {
    @Test func jobsRunOnThePoolsOwnThreadsAndReturnResults() async throws {
        let pool = WorkerPool(name: "test-pool", threadCount: 2)
        defer { pool.shutdown() }
        let names = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await pool.run { @Sendable () -> String in WorkerPool.currentPoolName ?? "" }
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(!names.isEmpty)
        #expect(names == ["test-pool"])
        #expect(WorkerPool.currentPoolName == nil)
    }

    @Test func threadsStartOnlyWhenJobsNeedThem() async throws {
        let pool = WorkerPool(name: "lazy-pool", threadCount: 2)
        defer { pool.shutdown() }
        #expect(pool.runningThreadCount == 0)
        #expect(try await pool.run { WorkerPool.currentPoolName } == "lazy-pool")
        // One job needs one thread, not the pool's two.
        #expect(pool.runningThreadCount == 1)
    }

    @Test func concurrencyNeverExceedsTheThreadCount() async throws {
        let pool = WorkerPool(name: "bounded", threadCount: 2, maxQueuedJobs: 100)
        defer { pool.shutdown() }
        let running = Occupancy()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    try await pool.run {
                        running.enter()
                        usleep(5_000)
                        running.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(running.peak == 2)
    }

    @Test func aFullQueueRefusesNewJobsInsteadOfGrowing() async throws {
        let pool = WorkerPool(name: "tiny", threadCount: 1, maxQueuedJobs: 1)
        defer { pool.shutdown() }
        let gate = DispatchSemaphore(value: 0)
        // Whatever happens below, the blocked worker is released, so the process can always exit.
        defer { gate.signal() }
        let started = Mutex(false)
        let blocker = Task {
            try await pool.run {
                started.withLock { $0 = true }
                gate.wait()
            }
        }
        // Wait until the blocker occupies the only thread (a busy machine may take a while), then fill the slot.
        while !started.withLock({ $0 }) {
            try await Task.sleep(for: .milliseconds(5))
        }
        let queued = Task { try await pool.run { 1 } }
        while pool.queuedJobCount == 0 {
            try await Task.sleep(for: .milliseconds(5))
        }
        await #expect(throws: WorkerPoolError.overloaded) { try await pool.run { 2 } }
        gate.signal()
        try await blocker.value
        #expect(try await queued.value == 1)
    }

    @Test func errorsFromTheJobReachTheCaller() async {
        let pool = WorkerPool(name: "errors", threadCount: 1)
        defer { pool.shutdown() }
        await #expect(throws: Failure.self) { try await pool.run { throw Failure() } }
    }

    @Test func aShutDownPoolRefusesJobs() async {
        let pool = WorkerPool(name: "closed", threadCount: 1)
        pool.shutdown()
        await #expect(throws: WorkerPoolError.shutDown) { try await pool.run { 1 } }
    }
}
