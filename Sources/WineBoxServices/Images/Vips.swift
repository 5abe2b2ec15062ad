import CVips
import Foundation
import WineBoxDomain

/// libvips, loaded and started once per process on first use (see `Sources/CVips/include/CVips.h`).
///
/// The library is loaded with `dlopen` by the first caller, so a process that never processes an image never maps
/// it. Started with one worker thread per pipeline (WineBox bounds image work with its own ``WorkerPool``), no
/// operation cache (so memory does not grow with every upload), untrusted loaders blocked, its dynamic modules
/// (ImageMagick and others) never loaded, and libvips' stderr warnings silenced.
enum Vips {
    /// Whether libvips was loaded and started. A Swift `static let` runs its initialiser exactly once,
    /// thread-safely; the C loader is itself behind `pthread_once`.
    private static let started: Bool = winebox_vips_start(1, 0) == 0

    /// The answer to uploads when libvips cannot be loaded.
    static let unavailable = WineBoxError(.unavailable, "Label images cannot be processed: libvips is not installed")

    /// Whether libvips can be used; loads and starts it on the first call, on the calling thread.
    static var isAvailable: Bool { started }

    /// Why libvips cannot be used (the loader's message: a missing library, a missing symbol, a failed start), or
    /// nil when it can.
    static var unavailableReason: String? {
        winebox_vips_unavailable_reason().map { String(cString: $0) }
    }

    /// Starts libvips if it is not running yet.
    ///
    /// - Throws: ``unavailable`` (``WineBoxError/Code/unavailable``) when libvips cannot be loaded or started.
    static func start() throws {
        guard started else {
            throw unavailable
        }
    }

    /// Takes libvips' error text (for the log) and clears it. libvips keeps one buffer for all threads, so with
    /// work on several threads at once the text may mix two failures; it is only ever a diagnostic.
    static func takeError() -> String {
        let text = String(cString: winebox_vips_error_buffer())
        winebox_vips_error_clear()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
