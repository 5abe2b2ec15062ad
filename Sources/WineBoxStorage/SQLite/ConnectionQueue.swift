internal import Dispatch
internal import Synchronization

/// The run-time marker that proves code is running on a particular connection's serial queue.
///
/// Each ``SerializedConnection`` tags its `DispatchQueue` with a process-unique integer through
/// `DispatchQueue.setSpecific`. ``Connection`` and ``Statement`` compare ``currentID`` with their own marker on every
/// entry point, so a handle smuggled off its queue traps with a clear message instead of racing inside SQLite.
enum ConnectionQueue {
    /// The dispatch-specific key under which every connection queue stores its marker.
    static let key = DispatchSpecificKey<Int>()

    private static let lastID = Atomic<Int>(0)

    /// The marker of the connection queue the caller is running on, or nil when it is on none (for example on
    /// Swift's cooperative thread pool).
    static var currentID: Int? { DispatchQueue.getSpecific(key: key) }

    /// A new marker, unique in this process.
    static func makeID() -> Int {
        lastID.add(1, ordering: .relaxed).newValue
    }
}
