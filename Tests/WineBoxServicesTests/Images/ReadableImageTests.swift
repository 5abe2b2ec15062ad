import Foundation
import Testing
import WineBoxDomain
import WineBoxTesting

@testable import WineBoxServices

/// `LabelImageStore.readableImage`: the same checks as storing, an upright JPEG no larger than asked, nothing stored.
@Suite struct ReadableImageTests {
    @Test func anImageComesBackUprightScaledAndWithoutMetadataAndNothingIsStored() async throws {
        let plain = try LabelImageFixtures.generated(.png, width: 200, height: 100)
        let sideways = LabelImageFixtures.withEXIF(
            try LabelImageFixtures.generated(.jpeg, width: 900, height: 600), orientation: 6)

        try await withLabelImageStore { store, _ in
            let small = try LabelImageFixtures.decode(
                try await store.readableImage(bytes: plain, longEdge: 400), as: .jpeg)
            #expect((small.width, small.height) == (200, 100))

            let turned = try LabelImageFixtures.decode(
                try await store.readableImage(bytes: sideways, longEdge: 300), as: .jpeg)
            #expect((turned.width, turned.height) == (200, 300))
            #expect(turned.orientation == nil)
            #expect(!turned.fieldNames.contains { $0.hasPrefix("exif") })

            #expect(LabelImageFixtures.listing(store.directory).isEmpty)
        }
    }

    @Test func refusalsAreTheSameAsForStoring() async throws {
        try await withLabelImageStore(maxBytes: 4096, maxPixels: 1_000_000) { store, _ in
            await #expect(throws: WineBoxError.self) {
                _ = try await store.readableImage(bytes: Array("not an image".utf8), longEdge: 100)
            }
            await #expect(throws: WineBoxError.self) {
                _ = try await store.readableImage(
                    bytes: LabelImageFixtures.pngBomb(width: 30000, height: 30000), longEdge: 100)
            }
            let big = try LabelImageFixtures.generated(.png, width: 300, height: 300)
            do {
                _ = try await store.readableImage(bytes: big + [UInt8](repeating: 0, count: 5000), longEdge: 100)
                Issue.record("an upload over the size limit was read")
            } catch let error as WineBoxError {
                #expect(error.code == .tooLarge)
            }
        }
    }
}
