import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into an async sequence, for graceful shutdown.
///
/// Creating a watcher sets both signals to be ignored by the default handler, so the process no longer dies on
/// them; the watcher must be kept alive for as long as signals should be observed.
public final class SignalWatcher: @unchecked Sendable {
    /// The signals received, in order.
    public let signals: AsyncStream<Int32>
    // @unchecked: `sources` is written once in `init` and only read (cancelled) in `deinit`; dispatch sources
    // are thread-safe objects even though the protocol is not annotated Sendable.
    private let sources: [any DispatchSourceSignal]

    /// Watches SIGINT and SIGTERM.
    public convenience init() {
        self.init(signals: [SIGINT, SIGTERM])
    }

    public init(signals watched: [Int32]) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        signals = stream
        sources = watched.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    deinit {
        for source in sources {
            source.cancel()
        }
    }
}
