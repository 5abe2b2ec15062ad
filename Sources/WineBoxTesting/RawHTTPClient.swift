import Foundation

/// A minimal HTTP/1.1 client over a plain TCP socket, for tests that need control over the bytes on the wire:
/// keep-alive, malformed requests, truncated bodies, connection limits.
///
/// The socket calls block, so they run on a private dispatch queue and the public methods are `async`: a
/// test blocked in `recv` must never occupy one of Swift's cooperative threads, which the server under test
/// needs for its deferred handlers. Every read has a timeout so a misbehaving server fails the test instead of
/// hanging it. Not for production use.
public final class RawHTTPClient: @unchecked Sendable {
    // @unchecked: `buffer` and the socket are only touched on `queue`, one call at a time.
    private let queue = DispatchQueue(label: "RawHTTPClient")
    /// A parsed response.
    public struct Response: Sendable {
        public let status: Int
        public let headers: [(name: String, value: String)]
        public let body: [UInt8]

        /// The first header called `name` (case-insensitive).
        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        public var text: String { String(decoding: body, as: UTF8.self) }

        /// The body decoded as a JSON object.
        public func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
                throw ClientError("The body is not a JSON object: \(text)")
            }
            return object
        }
    }

    /// A failure of the client itself (connect, timeout, malformed response).
    public struct ClientError: Error, CustomStringConvertible {
        public let description: String

        public init(_ description: String) {
            self.description = description
        }
    }

    private let socket: Int32
    private var buffer: [UInt8] = []

    /// Connects to `127.0.0.1:port` (connecting to loopback does not block for long).
    ///
    /// `timeoutSeconds` bounds each read. The default is generous because the whole suite shares two cores: a
    /// deferred handler's task can wait seconds for a cooperative thread while hundreds of tests start at once.
    public init(port: Int, timeoutSeconds: Int = 30) throws {
        socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else {
            throw ClientError("socket() failed")
        }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(socket)
            throw ClientError("connect() to port \(port) failed")
        }
    }

    deinit {
        close(socket)
    }

    /// Sends raw bytes.
    public func send(_ bytes: [UInt8]) async throws {
        try await onQueue { try self.blockingSend(bytes) }
    }

    /// Sends raw text.
    public func send(_ text: String) async throws {
        try await send(Array(text.utf8))
    }

    /// Sends a request with a `Content-Length` body and reads the response.
    public func request(
        _ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = []
    ) async throws -> Response {
        try await onQueue { try self.blockingRequest(method, path, headers: headers, body: body) }
    }

    /// Reads one response. Handles `Content-Length` and chunked bodies.
    public func readResponse(forHead: Bool = false) async throws -> Response {
        try await onQueue { try self.blockingReadResponse(forHead: forHead) }
    }

    /// Whether the server has closed the connection (reads end-of-file within the timeout).
    public func isClosedByServer() async -> Bool {
        (try? await onQueue { self.blockingIsClosedByServer() }) ?? true
    }

    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    private func blockingSend(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                Foundation.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else {
                throw ClientError("send() failed")
            }
            offset += written
        }
    }

    private func blockingRequest(
        _ method: String, _ path: String, headers: [(String, String)], body: [UInt8]
    ) throws -> Response {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        if !body.isEmpty || method == "POST" || method == "PUT" {
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "\r\n"
        do {
            try blockingSend(Array(head.utf8) + body)
        } catch {
            // The server may answer before the body is in (413 from the Content-Length alone) and close the
            // connection while the body is still going out; its answer is then waiting to be read, as curl and
            // browsers read it. Only when there is none is the failed send the result.
            guard let early = try? blockingReadResponse(forHead: method == "HEAD") else {
                throw error
            }
            return early
        }
        return try blockingReadResponse(forHead: method == "HEAD")
    }

    private func blockingReadResponse(forHead: Bool) throws -> Response {
        let headerEnd = try readUntil(Array("\r\n\r\n".utf8))
        let headText = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        buffer.removeFirst(headerEnd + 4)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw ClientError("Malformed status line: \(headText)")
        }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else {
                return nil
            }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let response = { (body: [UInt8]) in Response(status: status, headers: headers, body: body) }
        if forHead || status == 204 || status == 304 {
            return response([])
        }
        if let length = headers.first(where: { $0.name.lowercased() == "content-length" }).flatMap({ Int($0.value) }) {
            try fill(atLeast: length)
            let body = Array(buffer.prefix(length))
            buffer.removeFirst(length)
            return response(body)
        }
        if headers.contains(where: { $0.name.lowercased() == "transfer-encoding" && $0.value.lowercased() == "chunked" }
        ) {
            return response(try readChunkedBody())
        }
        while try receiveMore() {}
        defer { buffer = [] }
        return response(buffer)
    }

    private func blockingIsClosedByServer() -> Bool {
        guard buffer.isEmpty else {
            return false
        }
        return (try? receiveMore()) == false
    }

    private func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let lineEnd = try readUntil(Array("\r\n".utf8))
            let sizeText = String(decoding: buffer[..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            buffer.removeFirst(lineEnd + 2)
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw ClientError("Malformed chunk size")
            }
            try fill(atLeast: size + 2)
            body += buffer.prefix(size)
            buffer.removeFirst(size + 2)
            if size == 0 {
                return body
            }
        }
    }

    private func readUntil(_ marker: [UInt8]) throws -> Int {
        while true {
            if let index = firstIndex(of: marker) {
                return index
            }
            guard try receiveMore() else {
                throw ClientError("Connection closed before a complete response")
            }
        }
    }

    private func fill(atLeast count: Int) throws {
        while buffer.count < count {
            guard try receiveMore() else {
                throw ClientError("Connection closed in the middle of a body")
            }
        }
    }

    /// Reads what is available; false at end of file.
    private func receiveMore() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            if errno == ECONNRESET {
                return false
            }
            throw ClientError("recv() failed or timed out (errno \(errno))")
        }
        if count == 0 {
            return false
        }
        buffer += chunk.prefix(count)
        return true
    }

    private func firstIndex(of marker: [UInt8]) -> Int? {
        guard buffer.count >= marker.count else {
            return nil
        }
        for start in 0...(buffer.count - marker.count) where buffer[start] == marker[0] {
            if Array(buffer[start..<(start + marker.count)]) == marker {
                return start
            }
        }
        return nil
    }
}
