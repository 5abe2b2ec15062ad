import Foundation
import Synchronization
import WineBoxHTTP
import WineBoxSupport

/// A handler built from closures, so each test states exactly how the server answers.
struct ClosureHandler: HTTPHandler {
    let body: @Sendable (HTTPRequest) -> HTTPHandlerResult

    func handle(_ request: HTTPRequest) -> HTTPHandlerResult {
        body(request)
    }

    func handleRejection(_ request: HTTPRequest, rejection: HTTPRequestRejection) -> HTTPResponse {
        HTTPResponse(status: rejection.status, body: Array(rejection.description.utf8))
    }
}

/// Starts a server on an ephemeral loopback port, runs `body`, and always shuts the server down.
func withServer<T>(
    _ configuration: HTTPServerConfiguration = HTTPServerConfiguration(port: 0),
    handler: @escaping @Sendable (HTTPRequest) -> HTTPHandlerResult,
    _ body: (HTTPServer) async throws -> T
) async throws -> T {
    var configuration = configuration
    configuration.host = "127.0.0.1"
    configuration.port = 0
    let server = HTTPServer(configuration: configuration, handler: ClosureHandler(body: handler), logger: .disabled)
    try server.start()
    do {
        let result = try await body(server)
        await server.shutdown(gracePeriod: .seconds(2))
        return result
    } catch {
        await server.shutdown(gracePeriod: .seconds(2))
        throw error
    }
}

/// Echoes what the server parsed: method, path, query, content type and body, as a text response.
@Sendable func echo(_ request: HTTPRequest) -> HTTPHandlerResult {
    var lines = ["\(request.method) \(request.path)"]
    lines += request.query.map { "query \($0.name)=\($0.value)" }
    lines.append("content-type \(request.headers["Content-Type"] ?? "-")")
    lines.append("body \(String(decoding: request.body, as: UTF8.self))")
    if let form = request.multipart {
        lines += form.fields.map { "field \($0.name)=\($0.value)" }
        for file in form.files {
            let location = if case .temporaryFile = file.storage { "disk" } else { "memory" }
            let bytes = (try? file.readAll()) ?? []
            let sum = bytes.reduce(0) { $0 &+ Int($1) }
            lines.append("file \(file.fieldName) \(file.clientFileName) \(file.size) \(location) \(sum)")
        }
    }
    return .response(HTTPResponse(status: .ok, body: Array(lines.joined(separator: "\n").utf8)))
}
