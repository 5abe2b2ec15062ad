import CVips
import Foundation
import Testing
import WineBoxDomain

@testable import WineBoxServices

/// libvips is loaded with dlopen on first use rather than linked (see `Sources/CVips/include/CVips.h`).
@Suite struct LabelImageLibraryTests {
    @Test func libvipsLoadsOnFirstUse() throws {
        #expect(winebox_vips_available() == 1)
        #expect(winebox_vips_unavailable_reason() == nil)
        #expect(Vips.isAvailable)
        #expect(Vips.unavailableReason == nil)
        try Vips.start()
    }

    @Test func libvipsModulesAreNeverLoaded() throws {
        // The loader points VIPSHOME at /dev/null before vips_init, which then finds no ImageMagick, HEIF, PDF, …
        // modules; the loaders WineBox uses are part of libvips itself.
        try #require(winebox_vips_available() == 1)
        #expect(ProcessInfo.processInfo.environment["VIPSHOME"] == "/dev/null")
        let mapped = Set(try mappedFiles().split(separator: "\n").compactMap { $0.split(separator: " ").last })
        #expect(mapped.contains { $0.contains("/libvips.so.42") })
        #expect(mapped.filter { $0.contains("/vips-modules-") }.isEmpty)
        let jpeg = try LabelImageFixtures.generated(.jpeg, width: 8, height: 8)
        #expect(try LabelImageFixtures.decode(jpeg, as: .jpeg).width == 8)
    }

    /// /proc/self/maps, read to its end (its size reads as 0, and it comes a page or so per read).
    private func mappedFiles() throws -> String {
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/maps"))
        defer { try? handle.close() }
        return String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
    }

    @Test func missingLibvipsIsServiceUnavailable() {
        #expect(Vips.unavailable.code == .unavailable)
        #expect(Vips.unavailable.message == "Label images cannot be processed: libvips is not installed")
    }
}
