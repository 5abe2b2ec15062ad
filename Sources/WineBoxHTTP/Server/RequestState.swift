import CMicroHTTPD
import Foundation
import Synchronization

/// Everything the server knows about one request while libmicrohttpd feeds it in.
///
/// Ownership: created on the first access-handler call for a request and handed to libmicrohttpd as
/// `*con_cls` with a +1 retain; released in the request-completed callback, which libmicrohttpd calls for
/// every request, also aborted ones. Threading: libmicrohttpd calls back for one connection on one thread
/// at a time, so the mutable fields need no lock; only ``responseSlot`` is written from a Swift task.
final class RequestState {
    let method: HTTPMethod
    let path: String
    let version: String
    let headers: HTTPHeaders
    let query: [(name: String, value: String)]
    let remoteAddress: String
    private let maxBodyBytes: Int
    private let uploadMemoryThreshold: Int
    private let temporaryDirectory: String

    /// Set when the server refuses the request; the rest of its body is discarded.
    var rejection: HTTPRequestRejection?
    /// Whether a response has been queued for this request.
    var isAnswered = false
    /// Whether the request went to a Swift task and is counted as in flight.
    var isDeferred = false
    /// Filled by the task that answers a deferred request.
    let responseSlot = ResponseSlot()

    /// How much of a refused body may be read and thrown away before answering anyway (4 MiB).
    static let maxDiscardedBytes = 4 * 1024 * 1024

    private var receivedBytes = 0
    /// Bytes of a refused body read and thrown away so far.
    private(set) var discardedBytes = 0
    private var body: [UInt8] = []
    private var postProcessor: OpaquePointer?
    private var parts: [MultipartPart] = []
    private var temporaryFiles: [String] = []

    init(
        method: HTTPMethod, path: String, version: String, headers: HTTPHeaders,
        query: [(name: String, value: String)], remoteAddress: String, configuration: HTTPServerConfiguration
    ) {
        self.method = method
        self.path = path
        self.version = version
        self.headers = headers
        self.query = query
        self.remoteAddress = remoteAddress
        self.maxBodyBytes = configuration.maxBodyBytes
        self.uploadMemoryThreshold = configuration.uploadMemoryThreshold
        self.temporaryDirectory = configuration.temporaryDirectory
    }

    deinit {
        if let postProcessor {
            MHD_destroy_post_processor(postProcessor)
        }
        for part in parts {
            part.closeFile()
        }
        for path in temporaryFiles {
            unlink(path)
        }
    }

    /// Whether the body is `multipart/form-data`, which is parsed part by part as it arrives.
    var isMultipart: Bool {
        headers["Content-Type"]?.lowercased().hasPrefix("multipart/form-data") ?? false
    }

    /// Prepares libmicrohttpd's multipart parser. Returns false when the Content-Type has no usable boundary.
    func startMultipartParsing(connection: OpaquePointer, iterator: MHD_PostDataIterator) -> Bool {
        let context = Unmanaged.passUnretained(self).toOpaque()
        postProcessor = MHD_create_post_processor(connection, 64 * 1024, iterator, context)
        return postProcessor != nil
    }

    /// Takes the next chunk of the body. Sets ``rejection`` when the body gets too large or is malformed.
    func receive(_ chunk: UnsafeBufferPointer<CChar>) {
        guard rejection == nil else {
            discardedBytes += chunk.count
            return
        }
        receivedBytes += chunk.count
        if receivedBytes > maxBodyBytes {
            rejection = .bodyTooLarge(limit: maxBodyBytes)
            return
        }
        if let postProcessor {
            if MHD_post_process(postProcessor, chunk.baseAddress, chunk.count) != MHD_Result.YES {
                rejection = .malformedBody("The multipart/form-data body is malformed")
            }
        } else {
            chunk.withMemoryRebound(to: UInt8.self) { body.append(contentsOf: $0) }
        }
    }

    /// Called by the multipart iterator for each piece of a part; `offset` 0 starts a new part.
    func receivePart(
        name: String, fileName: String?, contentType: String?, data: UnsafeRawBufferPointer, offset: UInt64
    )
        -> Bool
    {
        if offset == 0 || parts.isEmpty {
            parts.append(MultipartPart(name: name, fileName: fileName, contentType: contentType))
        }
        let part = parts[parts.count - 1]
        part.append(data)
        if part.isFile && !part.isOnDisk && part.size > uploadMemoryThreshold {
            guard let path = part.spill(toDirectory: temporaryDirectory) else {
                rejection = .malformedBody("The upload could not be stored")
                return false
            }
            temporaryFiles.append(path)
        }
        if part.writeFailed {
            rejection = .malformedBody("The upload could not be stored")
            return false
        }
        return true
    }

    /// Finishes parsing and builds the request value.
    func makeRequest() -> HTTPRequest {
        var multipart: MultipartForm?
        if let postProcessor {
            MHD_destroy_post_processor(postProcessor)
            self.postProcessor = nil
            multipart = MultipartForm()
            for part in parts {
                part.closeFile()
                if let file = part.makeUploadedFile() {
                    multipart?.files.append(file)
                } else {
                    multipart?.fields.append((part.name, part.text))
                }
            }
        }
        return HTTPRequest(
            method: method, path: path, query: query, headers: headers, body: body, multipart: multipart,
            remoteAddress: remoteAddress, version: version)
    }

    /// The request without its body, for answering a rejection.
    func makeHeadOnlyRequest() -> HTTPRequest {
        HTTPRequest(
            method: method, path: path, query: query, headers: headers, remoteAddress: remoteAddress,
            version: version)
    }
}

/// Hands a response from the Swift task that produced it back to the libmicrohttpd thread that sends it.
///
/// Exactly one producer wins: the task, or shutdown answering for a task that took too long. Only the winner
/// may resume the suspended connection.
final class ResponseSlot: Sendable {
    private let value = Mutex<(response: HTTPResponse?, isFilled: Bool)>((nil, false))

    /// Stores `response` unless the slot was already filled; returns whether this call filled it.
    func fill(with response: HTTPResponse) -> Bool {
        value.withLock { slot in
            guard !slot.isFilled else {
                return false
            }
            slot = (response, true)
            return true
        }
    }

    /// Takes the response out, leaving the slot filled but empty.
    func take() -> HTTPResponse? {
        value.withLock { slot in
            defer { slot.response = nil }
            return slot.response
        }
    }
}
