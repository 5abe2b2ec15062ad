import Dispatch

/// Runs blocking file work (reading and writing archives) on a libdispatch thread, so a long backup or restore
/// never occupies one of Swift's few cooperative threads.
enum OffPool {
    /// Runs `body` on a global dispatch queue and suspends the caller until it returns or throws.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result(catching: body))
            }
        }
    }
}
