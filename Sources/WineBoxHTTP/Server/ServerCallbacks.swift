import CMicroHTTPD
import Foundation
import Synchronization
import WineBoxSupport

// The C entry points libmicrohttpd calls. They are free functions because C callbacks cannot capture
// context; the server and the request state travel through the `void *` context pointers instead:
// the server unretained (it outlives its daemon), each request state retained once in `*con_cls`.

/// libmicrohttpd's access handler: called once when the headers are in, once per body chunk, once when the
/// request is complete, and once more after a suspended connection is resumed.
func serverAccessHandler(
    context: UnsafeMutableRawPointer?, connection: OpaquePointer?, url: UnsafePointer<CChar>?,
    method: UnsafePointer<CChar>?, version: UnsafePointer<CChar>?, uploadData: UnsafePointer<CChar>?,
    uploadDataSize: UnsafeMutablePointer<Int>?, requestContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let context, let connection, let requestContext, let uploadDataSize else {
        return MHD_Result.NO
    }
    let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()

    guard let existing = requestContext.pointee else {
        let state = makeRequestState(
            server: server, connection: connection, url: url, method: method, version: version)
        requestContext.pointee = Unmanaged.passRetained(state).toOpaque()
        if state.rejection != nil {
            return answerRejection(server: server, state: state, connection: connection)
        }
        return MHD_Result.YES
    }
    let state = Unmanaged<RequestState>.fromOpaque(existing).takeUnretainedValue()

    if state.isDeferred {
        guard let response = state.responseSlot.take() else {
            return MHD_Result.NO
        }
        server.deferredRequestFinished(state)
        return queue(response, server: server, state: state, connection: connection)
    }

    if uploadDataSize.pointee > 0 {
        if let uploadData {
            state.receive(UnsafeBufferPointer(start: uploadData, count: uploadDataSize.pointee))
        }
        uploadDataSize.pointee = 0
        // A body refused part-way is drained (up to a bound) before answering: closing a socket with unread
        // data resets the connection, and the client would never see the answer.
        if state.rejection != nil && !state.isAnswered && state.discardedBytes > RequestState.maxDiscardedBytes {
            return answerRejection(server: server, state: state, connection: connection)
        }
        return MHD_Result.YES
    }

    if state.isAnswered {
        return MHD_Result.YES
    }
    if state.rejection != nil {
        return answerRejection(server: server, state: state, connection: connection)
    }
    switch server.handler.handle(state.makeRequest()) {
    case .response(let response):
        return queue(response, server: server, state: state, connection: connection)
    case .deferred(let work):
        return suspend(server: server, state: state, connection: connection, work: work)
    }
}

/// libmicrohttpd's request-completed callback: balances the retain taken in the access handler.
func serverRequestCompleted(
    context: UnsafeMutableRawPointer?, connection: OpaquePointer?,
    requestContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, reason: MHD_RequestTerminationCode
) {
    guard let context, let requestContext, let pointer = requestContext.pointee else {
        return
    }
    let state = Unmanaged<RequestState>.fromOpaque(pointer).takeRetainedValue()
    requestContext.pointee = nil
    // A deferred request whose client went away ends here without its response being queued.
    if state.isDeferred && !state.isAnswered {
        Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue().deferredRequestFinished(state)
    }
}

/// libmicrohttpd's error logger: protocol errors and resource problems, at debug level.
func serverLog(context: UnsafeMutableRawPointer?, format: UnsafePointer<CChar>?, arguments: CVaListPointer?) {
    guard let context, let format, let arguments else {
        return
    }
    let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
    guard server.logger.isEnabled(.debug) else {
        return
    }
    var buffer = [CChar](repeating: 0, count: 512)
    winebox_format_log(&buffer, buffer.count, format, arguments)
    let message = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    server.logger.debug("libmicrohttpd", [("detail", message.trimmingCharacters(in: .whitespacesAndNewlines))])
}

/// libmicrohttpd's multipart iterator: one call per piece of a part.
func serverPostIterator(
    context: UnsafeMutableRawPointer?, kind: MHD_ValueKind, key: UnsafePointer<CChar>?,
    fileName: UnsafePointer<CChar>?, contentType: UnsafePointer<CChar>?, transferEncoding: UnsafePointer<CChar>?,
    data: UnsafePointer<CChar>?, offset: UInt64, size: Int
) -> MHD_Result {
    guard let context, let key else {
        return MHD_Result.NO
    }
    let state = Unmanaged<RequestState>.fromOpaque(context).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
    let accepted = state.receivePart(
        name: String(cString: key), fileName: fileName.map { String(cString: $0) },
        contentType: contentType.map { String(cString: $0) }, data: bytes, offset: offset)
    return accepted ? MHD_Result.YES : MHD_Result.NO
}

// MARK: - Helpers

private func makeRequestState(
    server: HTTPServer, connection: OpaquePointer, url: UnsafePointer<CChar>?, method: UnsafePointer<CChar>?,
    version: UnsafePointer<CChar>?
) -> RequestState {
    var addressBuffer = [CChar](repeating: 0, count: 64)
    winebox_mhd_client_address(connection, &addressBuffer, addressBuffer.count)
    let remoteAddress = addressBuffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }

    let state = RequestState(
        method: HTTPMethod(rawValue: method.map { String(cString: $0) } ?? "GET"),
        path: url.map { String(cString: $0) } ?? "/", version: version.map { String(cString: $0) } ?? "HTTP/1.1",
        headers: connectionValues(connection, kind: .HEADER_KIND).reduce(into: HTTPHeaders()) {
            $0.add($1.name, $1.value)
        },
        query: connectionValues(connection, kind: .GET_ARGUMENT_KIND), remoteAddress: remoteAddress,
        configuration: server.configuration)

    if let length = state.headers["Content-Length"], let declared = Int(length),
        declared > server.configuration.maxBodyBytes
    {
        state.rejection = HTTPRequestRejection.bodyTooLarge(limit: server.configuration.maxBodyBytes)
    } else if state.isMultipart && !state.startMultipartParsing(connection: connection, iterator: serverPostIterator) {
        state.rejection = HTTPRequestRejection.malformedBody("The multipart/form-data body has no valid boundary")
    }
    return state
}

private func connectionValues(_ connection: OpaquePointer, kind: MHD_ValueKind) -> [(name: String, value: String)] {
    final class Collector {
        var values: [(name: String, value: String)] = []
    }
    let collector = Collector()
    withExtendedLifetime(collector) {
        _ = MHD_get_connection_values(
            connection, kind,
            { context, _, key, value in
                guard let context, let key else {
                    return MHD_Result.YES
                }
                let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
                collector.values.append((String(cString: key), value.map { String(cString: $0) } ?? ""))
                return MHD_Result.YES
            }, Unmanaged.passUnretained(collector).toOpaque())
    }
    return collector.values
}

private func answerRejection(server: HTTPServer, state: RequestState, connection: OpaquePointer) -> MHD_Result {
    guard let rejection = state.rejection else {
        return MHD_Result.NO
    }
    var response = server.handler.handleRejection(state.makeHeadOnlyRequest(), rejection: rejection)
    // The rest of the body is never read, so the connection cannot be reused.
    response.headers.set("Connection", "close")
    return queue(response, server: server, state: state, connection: connection)
}

private func suspend(
    server: HTTPServer, state: RequestState, connection: OpaquePointer,
    work: @escaping @Sendable () async -> HTTPResponse
) -> MHD_Result {
    state.isDeferred = true
    let handle = ConnectionHandle(raw: connection)
    let slot = state.responseSlot
    server.deferredRequestStarted(state, connection: handle)
    MHD_suspend_connection(connection)
    Task {
        let response = await work()
        if slot.fill(with: response) {
            MHD_resume_connection(handle.raw)
        }
    }
    return MHD_Result.YES
}

private func queue(
    _ response: HTTPResponse, server: HTTPServer, state: RequestState, connection: OpaquePointer
) -> MHD_Result {
    state.isAnswered = true
    let body = response.body
    let mhdResponse = body.withUnsafeBytes { buffer in
        MHD_create_response_from_buffer(
            buffer.count, UnsafeMutableRawPointer(mutating: buffer.baseAddress), .RESPMEM_MUST_COPY)
    }
    guard let mhdResponse else {
        return MHD_Result.NO
    }
    defer { MHD_destroy_response(mhdResponse) }
    for (name, value) in response.headers {
        if MHD_add_response_header(mhdResponse, name, value) != MHD_Result.YES {
            server.logger.debug("Dropped an invalid response header", [("header", name)])
        }
    }
    if server.isDraining.load(ordering: .acquiring) && !response.headers.contains("Connection") {
        MHD_add_response_header(mhdResponse, "Connection", "close")
    }
    return MHD_queue_response(connection, UInt32(response.status.code), mhdResponse)
}
