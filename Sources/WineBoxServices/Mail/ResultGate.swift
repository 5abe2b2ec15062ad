import Synchronization

/// A result that is delivered once to one waiting task, whichever of several racing parties (a completion
/// handler, a deadline, a cancellation) gets there first; later deliveries are ignored.
///
/// Thread-safe: every state change happens under the mutex, and the continuation is resumed outside it.
final class ResultGate<Value: Sendable>: Sendable {
    private enum State {
        case idle
        case waiting(CheckedContinuation<Value, any Error>)
        case finished(Result<Value, any Error>)
        case consumed
    }

    private let state = Mutex<State>(.idle)

    /// Suspends until ``finish(_:)`` is called; `start` runs once the waiter is installed (start the work
    /// there, so that its completion cannot be lost). Returns at once if the gate is already finished.
    func wait(start: () -> Void) async throws -> Value {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
            let early: Result<Value, any Error>? = state.withLock { state in
                if case .finished(let result) = state {
                    state = .consumed
                    return result
                }
                state = .waiting(continuation)
                return nil
            }
            if let early {
                continuation.resume(with: early)
            } else {
                start()
            }
        }
    }

    /// Delivers `result` if nothing was delivered before; returns whether this call was the one that counted.
    @discardableResult
    func finish(_ result: Result<Value, any Error>) -> Bool {
        let waiter: CheckedContinuation<Value, any Error>?? = state.withLock { state in
            switch state {
            case .idle:
                state = .finished(result)
                return .some(nil)
            case .waiting(let continuation):
                state = .consumed
                return .some(continuation)
            case .finished, .consumed:
                return nil
            }
        }
        guard let waiter else {
            return false
        }
        waiter?.resume(with: result)
        return true
    }
}
