import Synchronization

/// Wine detail responses already rendered to JSON, each kept under the database change generation it was read
/// at (`Database.changeGeneration()`), so a wine asked for again while nothing was committed is answered without
/// a database read or JSON writing.
///
/// The detail of a wine is the same for every member of the household, so one entry serves everyone. Bounded by
/// `byteLimit` bytes of JSON: when a new entry would pass it, entries of older generations (useless anyway) are
/// dropped first, and if that is not enough the cache starts again empty. Thread-safe.
final class RenderedWineCache: Sendable {
    private struct State {
        var entries: [String: (generation: UInt64, body: [UInt8])] = [:]
        var bytes = 0
    }

    private let state = Mutex(State())
    /// The most JSON bytes held at once; 16 MiB by default, room for about 3,500 wines (a wine detail with a few
    /// lots and events is 2–10 KB).
    let byteLimit: Int

    init(byteLimit: Int = 16 << 20) {
        self.byteLimit = byteLimit
    }

    /// The body rendered for `wineID` at `generation`; nil when there is none for that generation.
    func body(for wineID: String, at generation: UInt64) -> [UInt8]? {
        state.withLock { state in
            guard let entry = state.entries[wineID], entry.generation == generation else { return nil }
            return entry.body
        }
    }

    /// Keeps `body`, rendered from data read at `generation`, for `wineID`.
    func keep(_ body: [UInt8], for wineID: String, at generation: UInt64) {
        guard body.count <= byteLimit else { return }
        state.withLock { state in
            if let replaced = state.entries[wineID] {
                state.bytes -= replaced.body.count
            }
            if state.bytes + body.count > byteLimit {
                state.entries = state.entries.filter { $0.value.generation == generation }
                state.bytes = state.entries.values.reduce(0) { $0 + $1.body.count }
            }
            if state.bytes + body.count > byteLimit {
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            state.entries[wineID] = (generation, body)
            state.bytes += body.count
        }
    }
}
