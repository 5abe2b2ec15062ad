import CMicroHTTPD
import Foundation
import Synchronization
public import WineBoxSupport

/// An HTTP/1.1 server on libmicrohttpd that hands every complete request to an ``HTTPHandler``.
///
/// The server runs libmicrohttpd's epoll event loop on a pool of ``HTTPServerConfiguration/threadCount``
/// threads. Handlers answer cheap requests on those threads; anything that waits is deferred to a Swift task
/// while the connection is suspended, so slow work never holds a server thread.
///
/// Lifecycle: ``start()`` once, then ``shutdown(gracePeriod:)`` once. The server must stay alive while it runs:
/// libmicrohttpd holds an unretained pointer to it, and `deinit` stops a daemon that is still running.
public final class HTTPServer: Sendable {
    public let configuration: HTTPServerConfiguration
    let handler: any HTTPHandler
    let logger: Logger
    private let daemon = Mutex<DaemonHandle?>(nil)
    private let boundPort = Atomic<Int>(0)
    /// Deferred requests whose task has not yet handed back a response.
    private let deferredInFlight = Atomic<Int>(0)
    /// Set once shutdown begins: responses then carry `Connection: close`.
    let isDraining = Atomic<Bool>(false)
    /// Suspended connections waiting for their task, so shutdown can answer them if the task takes too long.
    private let suspended = Mutex<[ObjectIdentifier: (connection: ConnectionHandle, slot: ResponseSlot)]>([:])

    /// Memory libmicrohttpd gives each connection for the request line, headers and I/O buffers (16 KiB).
    /// It bounds the size of a request's headers; libmicrohttpd zeroes it for every request, so smaller is faster.
    static let connectionMemoryBytes = 16 * 1024

    public init(configuration: HTTPServerConfiguration, handler: any HTTPHandler, logger: Logger) {
        self.configuration = configuration
        self.handler = handler
        self.logger = logger
    }

    deinit {
        if let handle = daemon.withLock({ $0 }) {
            MHD_stop_daemon(handle.raw)
        }
    }

    /// The port the server listens on (the real one when configured with port 0); 0 before ``start()``.
    public var port: Int {
        boundPort.load(ordering: .acquiring)
    }

    /// Deferred requests still being worked on.
    public var inFlightCount: Int {
        deferredInFlight.load(ordering: .acquiring)
    }

    /// Binds the socket and starts serving.
    ///
    /// - Throws: ``HTTPServerError`` when the address is invalid, the port is taken, or the server already runs.
    public func start() throws {
        try daemon.withLock { current in
            guard current == nil else {
                throw HTTPServerError(code: .alreadyStarted, message: "The HTTP server is already running")
            }
            current = try startDaemon()
        }
    }

    private func startDaemon() throws -> DaemonHandle {
        let address = try SocketAddress(host: configuration.host, port: configuration.port)
        var flags =
            MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue | MHD_ALLOW_SUSPEND_RESUME.rawValue
            | MHD_USE_ERROR_LOG.rawValue
        if address.isIPv6 {
            flags |= MHD_USE_IPv6.rawValue
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        let raw = address.withUnsafePointer { socketAddress in
            var options = winebox_mhd_options(
                address: socketAddress, thread_pool_size: UInt32(max(1, configuration.threadCount)),
                connection_timeout_seconds: UInt32(max(0, configuration.connectionTimeoutSeconds)),
                connection_limit: UInt32(max(0, configuration.maxConnections)),
                per_ip_connection_limit: UInt32(max(0, configuration.maxConnectionsPerIP)),
                connection_memory_limit: Self.connectionMemoryBytes)
            return winebox_mhd_start(
                flags, &options, serverAccessHandler, context, serverRequestCompleted, context, serverLog, context)
        }
        guard let raw else {
            throw HTTPServerError(
                code: .startFailed,
                message: "Could not listen on \(configuration.host):\(configuration.port) (address in use?)")
        }
        boundPort.store(Int(winebox_mhd_bound_port(raw)), ordering: .releasing)
        return DaemonHandle(raw: raw)
    }

    /// Stops accepting connections, lets in-flight requests finish (up to `gracePeriod`), then closes every
    /// connection and stops the server threads. Safe to call more than once.
    public func shutdown(gracePeriod: Duration = .seconds(10)) async {
        guard let handle = daemon.withLock({ $0 }) else {
            return
        }
        isDraining.store(true, ordering: .releasing)
        let listenSocket = MHD_quiesce_daemon(handle.raw)

        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: gracePeriod)
        while inFlightCount > 0 && clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        if inFlightCount > 0 {
            logger.warning(
                "Requests still running at the end of the shutdown grace period were answered with 503",
                [("in_flight", String(inFlightCount))])
            answerSuspendedRequests(with: HTTPResponse(status: .serviceUnavailable))
            let flushDeadline = clock.now.advanced(by: .seconds(1))
            while inFlightCount > 0 && clock.now < flushDeadline {
                try? await Task.sleep(for: .milliseconds(10))
            }
        }

        guard
            let stopping = daemon.withLock({ current -> DaemonHandle? in
                defer { current = nil }
                return current
            })
        else {
            return
        }
        MHD_stop_daemon(stopping.raw)
        if listenSocket >= 0 {
            close(listenSocket)
        }
    }

    private func answerSuspendedRequests(with response: HTTPResponse) {
        let waiting = suspended.withLock { $0 }
        for (_, entry) in waiting where entry.slot.fill(with: response) {
            MHD_resume_connection(entry.connection.raw)
        }
    }

    // MARK: - Called from the libmicrohttpd trampolines

    /// Registers a connection that is about to be suspended while a task answers it.
    func deferredRequestStarted(_ state: RequestState, connection: ConnectionHandle) {
        deferredInFlight.add(1, ordering: .acquiringAndReleasing)
        suspended.withLock { $0[ObjectIdentifier(state)] = (connection, state.responseSlot) }
    }

    /// Called on the server thread once the deferred response has been queued.
    func deferredRequestFinished(_ state: RequestState) {
        suspended.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(state)) }
        deferredInFlight.subtract(1, ordering: .acquiringAndReleasing)
    }
}

/// Carries the daemon pointer across isolation boundaries.
///
/// @unchecked: libmicrohttpd's daemon functions used here (quiesce, stop, info) are documented as callable
/// from any thread; the pointer itself is never dereferenced in Swift.
struct DaemonHandle: @unchecked Sendable {
    let raw: OpaquePointer
}

/// Carries a connection pointer into the task that answers a deferred request, for `MHD_resume_connection`.
///
/// @unchecked: libmicrohttpd allows resuming a suspended connection from any thread, and the connection stays
/// valid while it is suspended.
struct ConnectionHandle: @unchecked Sendable {
    let raw: OpaquePointer
}
