import CVips
import Foundation
import WineBoxDomain

/// libvips, started once per process on first use.
///
/// Started with one worker thread per pipeline (WineBox bounds image work with its own ``WorkerPool``), no
/// operation cache (so memory does not grow with every upload), untrusted loaders blocked, and libvips' stderr
/// warnings silenced (see `Sources/CVips/shim.h`).
enum Vips {
    /// Whether libvips started. A Swift `static let` runs its initialiser exactly once, thread-safely.
    private static let started: Bool = winebox_vips_start(1, 0) == 0

    /// Starts libvips if it is not running yet.
    ///
    /// - Throws: ``WineBoxError/Code/unavailable`` when libvips could not start.
    static func start() throws {
        guard started else {
            throw WineBoxError(.unavailable, "Image processing is not available on this server")
        }
    }

    /// Takes libvips' error text (for the log) and clears it. libvips keeps one buffer for all threads, so with
    /// work on several threads at once the text may mix two failures; it is only ever a diagnostic.
    static func takeError() -> String {
        let text = String(cString: vips_error_buffer())
        vips_error_clear()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
