import Foundation

/// One HTTP/1.1 request as a fake server on loopback received it, and the answer it writes back.
public struct LoopbackHTTPRequest: Sendable {
    public var method: String
    public var path: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    /// The first header called `name`, in any letter case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body as a JSON object, or empty when it is not one.
    public var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    /// Reads the request line, the headers and a `Content-Length` body; answers `Expect: 100-continue`. Nil when
    /// the peer closed or sent something else.
    public static func read(from connection: SocketConnection) -> LoopbackHTTPRequest? {
        guard let requestLine = connection.readLine() else {
            return nil
        }
        let parts = requestLine.split(separator: " ").map(String.init)
        guard parts.count == 3 else {
            return nil
        }
        var headers: [(name: String, value: String)] = []
        while let line = connection.readLine(), !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else {
                continue
            }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append((String(line[..<colon]), value))
        }
        var request = LoopbackHTTPRequest(method: parts[0], path: parts[1], headers: headers, body: [])
        if request.header("expect")?.lowercased() == "100-continue" {
            connection.write("HTTP/1.1 100 Continue\r\n\r\n")
        }
        request.body = connection.readBytes(Int(request.header("content-length") ?? "0") ?? 0) ?? []
        return request
    }

    /// Writes a complete response with a JSON content type and `Connection: close`.
    public static func respond(_ connection: SocketConnection, status: String, extraHeaders: [String], body: String) {
        var head = ["HTTP/1.1 \(status)", "Content-Type: application/json", "Content-Length: \(body.utf8.count)"]
        head += extraHeaders
        head.append("Connection: close")
        connection.write(head.joined(separator: "\r\n") + "\r\n\r\n" + body)
    }
}
