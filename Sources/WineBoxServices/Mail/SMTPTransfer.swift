import CCurl
import Foundation

/// One SMTP delivery through libcurl's easy interface: connect, EHLO, STARTTLS when asked, AUTH when
/// credentials are given, MAIL FROM, RCPT TO, DATA (with libcurl's dot-stuffing), QUIT.
///
/// `curl_easy_perform` blocks, so ``run(_:payload:)`` performs the transfer on a dedicated short-lived thread named
/// `winebox-smtp` and suspends the calling task until it ends; no cooperative thread ever waits on the
/// network. The thread lives at most the configured timeout (libcurl enforces it for the whole transfer,
/// connection included). Cancelling the calling task aborts the transfer within about a second.
final class SMTPTransfer: @unchecked Sendable {
    // @unchecked: `offset` is read and written only by libcurl's read callback, which runs on the one thread
    // executing `perform()`; `payload` and `settings` are immutable.

    /// What to send where; built by ``SMTPMailer``.
    struct Settings: Sendable {
        /// `smtp://host:port` or `smtps://host:port`.
        var url: String
        /// Whether STARTTLS is required (`CURLUSESSL_ALL`).
        var requireSTARTTLS: Bool
        /// SMTP credentials; `nil` sends no AUTH.
        var username: String?
        var password: String?
        /// The envelope sender and recipient, bare addresses.
        var envelopeFrom: String
        var envelopeTo: String
        /// The whole transfer's limit, in milliseconds.
        var timeoutMilliseconds: Int
    }

    /// How the transfer ended.
    struct Outcome: Sendable, Equatable {
        /// libcurl's result code (`CURLE_OK` is 0).
        var curlCode: UInt32
        /// The last SMTP reply code the server sent; 0 when it sent none.
        var replyCode: Int
        /// libcurl's description of `curlCode`; a fixed string, never server text.
        var curlMessage: String

        var succeeded: Bool { curlCode == CURLE_OK.rawValue }
        var wasAborted: Bool { curlCode == CURLE_ABORTED_BY_CALLBACK.rawValue }
    }

    /// Whether libcurl could be loaded and initialised (once, by the C loader, whatever thread comes first).
    private static var isCurlInitialised: Bool { winebox_curl_available() == 1 }

    private let settings: Settings
    private let payload: [UInt8]
    private var offset = 0

    private init(settings: Settings, payload: [UInt8]) {
        self.settings = settings
        self.payload = payload
    }

    /// Sends `payload` (a complete RFC 5322 message with CRLF line endings) as described by `settings`.
    ///
    /// Never throws for a failed delivery: the ``Outcome`` says what happened and the caller maps it.
    /// - Throws: `CancellationError` when the calling task was cancelled and the transfer aborted.
    static func run(_ settings: Settings, payload: [UInt8]) async throws -> Outcome {
        let transfer = SMTPTransfer(settings: settings, payload: payload)
        let (outcome, wasCancelled) = await CurlThread.run(named: "winebox-smtp") { flag in
            transfer.perform(cancellation: flag)
        }
        if outcome.wasAborted && wasCancelled {
            throw CancellationError()
        }
        return outcome
    }

    /// Runs the transfer on the calling thread, which it blocks.
    private func perform(cancellation: CurlThread.CancellationFlag) -> Outcome {
        guard Self.isCurlInitialised, let handle = winebox_curl_easy_init() else {
            return Outcome(
                curlCode: CURLE_FAILED_INIT.rawValue, replyCode: 0, curlMessage: "curl initialisation failed")
        }
        let recipients = winebox_curl_slist_append(nil, "<\(settings.envelopeTo)>")
        defer {
            winebox_curl_slist_free_all(recipients)
            winebox_curl_easy_cleanup(handle)
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        var code = configure(handle, context: context, recipients: recipients, cancellation: cancellation)
        if code == CURLE_OK {
            code = winebox_curl_easy_perform(handle)
        }
        let message = String(cString: winebox_curl_easy_strerror(code))
        return Outcome(curlCode: code.rawValue, replyCode: winebox_curl_response_code(handle), curlMessage: message)
    }

    /// Sets every option; stops at the first one libcurl refuses.
    private func configure(
        _ handle: UnsafeMutableRawPointer, context: UnsafeMutableRawPointer,
        recipients: UnsafeMutablePointer<curl_slist>?, cancellation: CurlThread.CancellationFlag
    ) -> CURLcode {
        var steps: [() -> CURLcode] = [
            { winebox_curl_set_string(handle, CURLOPT_URL, self.settings.url) },
            { winebox_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps") },
            // Never route mail through a proxy from the environment (all_proxy), and never raise signals.
            { winebox_curl_set_string(handle, CURLOPT_PROXY, "") },
            { winebox_curl_set_long(handle, CURLOPT_NOSIGNAL, 1) },
            { winebox_curl_set_long(handle, CURLOPT_TIMEOUT_MS, self.settings.timeoutMilliseconds) },
            { winebox_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, self.settings.timeoutMilliseconds) },
            { winebox_curl_set_string(handle, CURLOPT_MAIL_FROM, "<\(self.settings.envelopeFrom)>") },
            { winebox_curl_set_long(handle, CURLOPT_UPLOAD, 1) },
            { winebox_curl_set_read_function(handle, SMTPTransfer.readCallback) },
            { winebox_curl_set_pointer(handle, CURLOPT_READDATA, context) },
            { CurlThread.watch(handle, for: cancellation) },
        ]
        steps.append { winebox_curl_set_slist(handle, CURLOPT_MAIL_RCPT, recipients) }
        if settings.requireSTARTTLS {
            steps.append { winebox_curl_set_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)) }
        }
        if let username = settings.username, let password = settings.password {
            steps.append { winebox_curl_set_string(handle, CURLOPT_USERNAME, username) }
            steps.append { winebox_curl_set_string(handle, CURLOPT_PASSWORD, password) }
        }
        for step in steps {
            let code = step()
            if code != CURLE_OK {
                return code
            }
        }
        return CURLE_OK
    }

    /// Copies the next bytes of the message into libcurl's buffer; 0 signals the end.
    private static let readCallback: curl_read_callback = { buffer, size, count, context in
        guard let buffer, let context else {
            return 0
        }
        let transfer = Unmanaged<SMTPTransfer>.fromOpaque(context).takeUnretainedValue()
        let length = min(size * count, transfer.payload.count - transfer.offset)
        guard length > 0 else {
            return 0
        }
        transfer.payload.withUnsafeBytes { bytes in
            UnsafeMutableRawPointer(buffer).copyMemory(
                from: bytes.baseAddress! + transfer.offset, byteCount: length)
        }
        transfer.offset += length
        return length
    }
}
