import CCurl
import Foundation
import Synchronization

/// Runs a blocking libcurl transfer on a dedicated short-lived thread and suspends the calling task until it
/// ends, so no cooperative thread ever waits on the network. Cancelling the calling task raises a flag that
/// the transfer's progress callback (``progressCallback``, with the flag as `CURLOPT_XFERINFODATA`) turns into
/// an abort within about a second.
enum CurlThread {
    /// Set when the calling task is cancelled; read by libcurl's progress callback on the transfer's thread.
    final class CancellationFlag: Sendable {
        let isRaised = Atomic<Bool>(false)
    }

    /// Runs `transfer` on a new thread called `name` and returns its result and whether the task was cancelled.
    static func run<Outcome: Sendable>(
        named name: String, _ transfer: @escaping @Sendable (CancellationFlag) -> Outcome
    ) async -> (outcome: Outcome, wasCancelled: Bool) {
        let flag = CancellationFlag()
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
                let thread = Thread {
                    continuation.resume(returning: transfer(flag))
                }
                thread.name = name
                thread.start()
            }
        } onCancel: {
            flag.isRaised.store(true, ordering: .relaxed)
        }
        return (outcome, flag.isRaised.load(ordering: .relaxed))
    }

    /// libcurl's progress callback: called about once a second and on progress; aborts when the flag is raised.
    static let progressCallback: curl_xferinfo_callback = { context, _, _, _, _ in
        guard let context else {
            return 0
        }
        let flag = Unmanaged<CancellationFlag>.fromOpaque(context).takeUnretainedValue()
        return flag.isRaised.load(ordering: .relaxed) ? 1 : 0
    }

    /// Installs ``progressCallback`` with `flag` on `handle`; the flag must outlive the transfer.
    static func watch(_ handle: UnsafeMutableRawPointer, for flag: CancellationFlag) -> CURLcode {
        var code = winebox_curl_set_long(handle, CURLOPT_NOPROGRESS, 0)
        if code == CURLE_OK {
            code = winebox_curl_set_progress_function(handle, progressCallback)
        }
        if code == CURLE_OK {
            code = winebox_curl_set_pointer(handle, CURLOPT_XFERINFODATA, Unmanaged.passUnretained(flag).toOpaque())
        }
        return code
    }
}
