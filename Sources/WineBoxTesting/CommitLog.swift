import Foundation

/// What a test's writer has committed, in order, with a limit the writer stops at and waits for a count; for tests
/// that write while something else (a backup) runs.
///
/// @unchecked Sendable: `committed` and `storedLimit` are only touched while `condition` is locked.
public final class CommitLog<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var committed: [Value]
    private var storedLimit = Int.max

    public init(_ values: [Value] = []) {
        committed = values
    }

    /// How many values the writer should commit before it stops; unlimited at first.
    public var limit: Int {
        get {
            condition.lock()
            defer { condition.unlock() }
            return storedLimit
        }
        set {
            condition.lock()
            storedLimit = newValue
            condition.unlock()
        }
    }

    /// True once ``limit`` values are committed.
    public var reachedLimit: Bool {
        condition.lock()
        defer { condition.unlock() }
        return committed.count >= storedLimit
    }

    /// The committed values so far, in order.
    public var values: [Value] {
        condition.lock()
        defer { condition.unlock() }
        return committed
    }

    public func append(_ value: Value) {
        condition.lock()
        committed.append(value)
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks the calling thread until `count` values are committed; false after 30 seconds. Never call it on the
    /// cooperative pool: use ``waitAsync(forCount:)`` there.
    public func wait(forCount count: Int) -> Bool {
        let deadline = Date().addingTimeInterval(30)
        condition.lock()
        defer { condition.unlock() }
        while committed.count < count {
            if !condition.wait(until: deadline) {
                return false
            }
        }
        return true
    }

    /// ``wait(forCount:)`` on a thread of its own, so the calling task suspends instead of blocking.
    public func waitAsync(forCount count: Int) async -> Bool {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: self.wait(forCount: count)) }
        }
    }
}
