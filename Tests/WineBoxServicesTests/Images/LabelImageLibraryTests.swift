import CVips
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

    @Test func missingLibvipsIsServiceUnavailable() {
        #expect(Vips.unavailable.code == .unavailable)
        #expect(Vips.unavailable.message == "Label images cannot be processed: libvips is not installed")
    }
}
