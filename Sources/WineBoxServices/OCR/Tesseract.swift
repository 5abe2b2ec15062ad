import CTesseract
import Foundation
import WineBoxDomain

/// Tesseract, loaded once per process on first use (see `Sources/CTesseract/include/CTesseract.h`).
///
/// The library is opened with `dlopen` by the first label scan, on an OCR worker thread, so a server that never
/// reads a label never maps it (about 35 MiB once models are loaded). Loading sets `OMP_THREAD_LIMIT=1` unless the
/// environment already has it: Debian's Tesseract otherwise spreads each recognition over 4 OpenMP threads,
/// which on a 2-core server is ten times slower.
enum Tesseract {
    /// Whether the library was loaded. A Swift `static let` runs its initialiser exactly once, thread-safely.
    private static let loaded: Bool = winebox_tesseract_available() != 0

    /// Where Debian's language packs (`tesseract-ocr-eng`, …) put their models.
    static let debianDataPath = "/usr/share/tesseract-ocr/5/tessdata"

    /// The answer to label scans when Tesseract cannot be loaded.
    static let unavailable = WineBoxError(
        .unavailable, "Label text cannot be read: Tesseract (libtesseract5) is not installed")

    /// Whether Tesseract can be used; loads it on the first call, on the calling thread.
    static var isAvailable: Bool { loaded }

    /// Why Tesseract cannot be used (`dlerror`'s text, a missing function), or nil when it can.
    static var unavailableReason: String? {
        winebox_tesseract_unavailable_reason().map { String(cString: $0) }
    }

    /// Tesseract's version ("5.3.0"), or nil when it is not available.
    static var version: String? {
        isAvailable ? String(cString: winebox_tesseract_version()) : nil
    }

    /// Loads Tesseract if needed.
    ///
    /// - Throws: ``unavailable`` (``WineBoxError/Code/unavailable``) when the library cannot be loaded.
    static func load() throws {
        guard loaded else {
            throw unavailable
        }
    }

    /// The folder holding the `<language>.traineddata` models: `TESSDATA_PREFIX` when set (Tesseract 5 reads
    /// models straight from it), else Debian's folder.
    static var defaultDataPath: String {
        if let prefix = ProcessInfo.processInfo.environment["TESSDATA_PREFIX"], !prefix.isEmpty {
            return prefix
        }
        return debianDataPath
    }
}
