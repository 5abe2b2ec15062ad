import Foundation
import Synchronization

/// A TCP server on 127.0.0.1 and an ephemeral port, for the fake mail servers of the tests.
///
/// A dedicated thread accepts connections and gives each to `handler` on a thread of its own, so the blocking
/// socket calls never occupy Swift's cooperative threads. Reads time out after 10 s, so a test that goes
/// wrong fails instead of hanging. Not for production use.
public final class LoopbackServer: @unchecked Sendable {
    // @unchecked: `listener` and `port` are immutable after `init`; `stop()` only shuts the socket down, which
    // makes the blocked `accept` fail, and the accept thread then closes it and touches no other state.
    public let port: Int
    private let listener: Int32

    public init(handler: @escaping @Sendable (SocketConnection) -> Void) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else {
            throw SocketError("socket() failed")
        }
        var reuse: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            close(listener)
            throw SocketError("bind() or listen() failed")
        }
        self.listener = listener
        port = Self.boundPort(of: listener)
        let thread = Thread {
            while true {
                let client = accept(listener, nil, nil)
                guard client >= 0 else {
                    // Closed here, not in `stop()`, so the descriptor number cannot be reused by another
                    // server's socket while this thread might still call `accept` on it.
                    close(listener)
                    return
                }
                let connection = SocketConnection(descriptor: client)
                let worker = Thread {
                    handler(connection)
                    connection.close()
                }
                worker.start()
            }
        }
        thread.name = "loopback-accept"
        thread.start()
    }

    /// Stops accepting (the accept thread wakes up, closes the socket and ends); connections already accepted
    /// run to their end.
    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    /// A port on 127.0.0.1 where nothing listens (bound, then released at once).
    public static func unusedPort() throws -> Int {
        let server = try LoopbackServer { _ in }
        server.stop()
        return server.port
    }

    private static func boundPort(of descriptor: Int32) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A list that handler threads append to and tests read, under a mutex.
public final class Recorder<Element: Sendable>: Sendable {
    private let storage = Mutex<[Element]>([])

    public init() {}

    public func append(_ element: Element) {
        storage.withLock { $0.append(element) }
    }

    public var all: [Element] {
        storage.withLock { $0 }
    }
}

/// A failure of the test servers themselves.
public struct SocketError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// One accepted connection with buffered line and byte reads; used on one thread only.
public final class SocketConnection: @unchecked Sendable {
    // @unchecked: each connection is read and written only by the one handler thread it was given to.
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var isClosed = false

    public init(descriptor: Int32) {
        self.descriptor = descriptor
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The next line without its CRLF (or LF); `nil` when the peer closed or a read timed out.
    public func readLine() -> String? {
        readTerminatedLine()?.line
    }

    /// The next line without its line ending, and whether that ending was CRLF rather than a bare LF.
    public func readTerminatedLine() -> (line: String, endedWithCRLF: Bool)? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<newline])
                buffer.removeFirst(newline + 1)
                let hadCR = line.last == 0x0D
                if hadCR {
                    line.removeLast()
                }
                return (String(decoding: line, as: UTF8.self), hadCR)
            }
            guard fill() else {
                return nil
            }
        }
    }

    /// Exactly `count` bytes; `nil` when the peer closed first.
    public func readBytes(_ count: Int) -> [UInt8]? {
        while buffer.count < count {
            guard fill() else {
                return nil
            }
        }
        let bytes = Array(buffer.prefix(count))
        buffer.removeFirst(count)
        return bytes
    }

    /// Writes `text` completely (errors are ignored; the client under test reports them).
    public func write(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + offset, bytes.count - offset, 0) }
            guard written > 0 else {
                return
            }
            offset += written
        }
    }

    /// Waits until the peer closes the connection or the read timeout passes.
    public func waitForClose() {
        while fill() {}
    }

    public func close() {
        guard !isClosed else {
            return
        }
        isClosed = true
        Foundation.close(descriptor)
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else {
            return false
        }
        buffer += chunk[..<count]
        return true
    }
}
