import CCurl
import Foundation

/// One HTTPS request through libcurl's easy interface, for the outside services WineBox calls: the SES API for mail
/// and Anthropic's Messages API for label reading.
///
/// `curl_easy_perform` blocks, so ``run(_:)`` performs the request on a dedicated short-lived thread named
/// `winebox-http` and suspends the calling task until it ends; no cooperative thread ever waits on the
/// network. libcurl enforces the timeout for the whole request, connection included. Cancelling the calling task
/// aborts the transfer within about a second. Proxies from the environment (`https_proxy`) are honoured.
final class HTTPTransfer: @unchecked Sendable {
    // @unchecked: `body` and `headerLines` are written only by libcurl's callbacks, which run on the one thread
    // executing `perform()`, and read after it returns; `request` is immutable.

    /// What to send.
    struct Request: Sendable {
        var method: String
        var url: String
        /// Header lines as `Name: value`; libcurl adds Host, Content-Length and Accept itself.
        var headers: [(name: String, value: String)]
        var body: [UInt8]
        /// The whole request's limit, in milliseconds.
        var timeoutMilliseconds: Int
    }

    /// What came back, or how the transfer failed.
    struct Outcome: Sendable {
        /// libcurl's result code (`CURLE_OK` is 0).
        var curlCode: UInt32
        /// The HTTP status; 0 when no response arrived.
        var status: Int
        /// Response headers, names lower-cased.
        var headers: [String: String]
        var body: [UInt8]

        var succeeded: Bool { curlCode == CURLE_OK.rawValue }
        var timedOut: Bool { curlCode == CURLE_OPERATION_TIMEDOUT.rawValue }
        var wasAborted: Bool { curlCode == CURLE_ABORTED_BY_CALLBACK.rawValue }
        var isTLSFailure: Bool {
            [CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CACERT_BADFILE]
                .contains { $0.rawValue == curlCode }
        }
        /// The connection could not be made or broke off before a whole response arrived (refused, reset, closed
        /// without an answer, a name that did not resolve): worth trying again, unlike a TLS or usage error.
        var isConnectionFailure: Bool {
            [
                CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT, CURLE_SEND_ERROR,
                CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE,
            ].contains { $0.rawValue == curlCode }
        }
    }

    /// The largest response body kept (1 MiB); an API answer is far smaller, so more means something is wrong.
    static let maximumResponseBytes = 1024 * 1024

    private let request: Request
    private var body: [UInt8] = []
    private var headerLines: [String] = []

    private init(request: Request) {
        self.request = request
    }

    /// Performs `request`. Never throws for a failed request: the ``Outcome`` says what happened.
    ///
    /// - Throws: `CancellationError` when the calling task was cancelled and the transfer aborted.
    static func run(_ request: Request) async throws -> Outcome {
        let transfer = HTTPTransfer(request: request)
        let (outcome, wasCancelled) = await CurlThread.run(named: "winebox-http") { flag in
            transfer.perform(cancellation: flag)
        }
        if outcome.wasAborted && wasCancelled {
            throw CancellationError()
        }
        return outcome
    }

    /// Runs the transfer on the calling thread, which it blocks.
    private func perform(cancellation: CurlThread.CancellationFlag) -> Outcome {
        guard winebox_curl_available() == 1, let handle = winebox_curl_easy_init() else {
            return Outcome(curlCode: CURLE_FAILED_INIT.rawValue, status: 0, headers: [:], body: [])
        }
        var headerList: UnsafeMutablePointer<curl_slist>?
        for (name, value) in request.headers {
            headerList = winebox_curl_slist_append(headerList, "\(name): \(value)")
        }
        // An empty Expect stops libcurl from waiting for "100 Continue" before sending the body.
        headerList = winebox_curl_slist_append(headerList, "Expect:")
        defer {
            winebox_curl_slist_free_all(headerList)
            winebox_curl_easy_cleanup(handle)
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        var code = configure(handle, context: context, headers: headerList, cancellation: cancellation)
        if code == CURLE_OK {
            code = winebox_curl_easy_perform(handle)
        }
        return Outcome(
            curlCode: code.rawValue, status: winebox_curl_response_code(handle), headers: parsedHeaders(), body: body)
    }

    /// Sets every option; stops at the first one libcurl refuses.
    private func configure(
        _ handle: UnsafeMutableRawPointer, context: UnsafeMutableRawPointer, headers: UnsafeMutablePointer<curl_slist>?,
        cancellation: CurlThread.CancellationFlag
    ) -> CURLcode {
        let steps: [() -> CURLcode] = [
            { winebox_curl_set_string(handle, CURLOPT_URL, self.request.url) },
            { winebox_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https") },
            { winebox_curl_set_string(handle, CURLOPT_CUSTOMREQUEST, self.request.method) },
            { winebox_curl_set_long(handle, CURLOPT_NOSIGNAL, 1) },
            { winebox_curl_set_long(handle, CURLOPT_TIMEOUT_MS, self.request.timeoutMilliseconds) },
            { winebox_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, self.request.timeoutMilliseconds) },
            { winebox_curl_set_slist(handle, CURLOPT_HTTPHEADER, headers) },
            { winebox_curl_set_long(handle, CURLOPT_POSTFIELDSIZE, self.request.body.count) },
            {
                self.request.body.withUnsafeBytes { bytes in
                    winebox_curl_set_pointer(
                        handle, CURLOPT_COPYPOSTFIELDS, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1))
                }
            },
            { winebox_curl_set_write_function(handle, CURLOPT_WRITEFUNCTION, HTTPTransfer.bodyCallback) },
            { winebox_curl_set_pointer(handle, CURLOPT_WRITEDATA, context) },
            { winebox_curl_set_write_function(handle, CURLOPT_HEADERFUNCTION, HTTPTransfer.headerCallback) },
            { winebox_curl_set_pointer(handle, CURLOPT_HEADERDATA, context) },
            { CurlThread.watch(handle, for: cancellation) },
        ]
        for step in steps {
            let code = step()
            if code != CURLE_OK {
                return code
            }
        }
        return CURLE_OK
    }

    private func parsedHeaders() -> [String: String] {
        var headers: [String: String] = [:]
        for line in headerLines {
            guard let colon = line.firstIndex(of: ":") else {
                continue
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return headers
    }

    /// Appends response body bytes; returning less than given makes libcurl stop (body too large).
    private static let bodyCallback: curl_write_callback = { data, size, count, context in
        guard let data, let context else {
            return 0
        }
        let transfer = Unmanaged<HTTPTransfer>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        guard transfer.body.count + length <= maximumResponseBytes else {
            return 0
        }
        transfer.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
        return length
    }

    /// Keeps each response header line (for a redirect-free API call there is one response).
    private static let headerCallback: curl_write_callback = { data, size, count, context in
        guard let data, let context else {
            return 0
        }
        let transfer = Unmanaged<HTTPTransfer>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        if transfer.headerLines.count < 200 {
            transfer.headerLines.append(
                String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self))
        }
        return length
    }
}
