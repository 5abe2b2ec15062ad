import Foundation
import Testing
import WineBoxTesting

@testable import WineBoxServices

@Suite struct LabelImageMetadataTests {
    @Test func theEXIFOrientationIsAppliedAndEveryMetadataBlockIsDropped() async throws {
        let plain = try LabelImageFixtures.generated(.jpeg, width: 300, height: 200)
        let tagged = LabelImageFixtures.withEXIF(plain, orientation: 6)
        // The fixture really carries what it should: libvips reads the orientation and the GPS position.
        let input = try LabelImageFixtures.decode(tagged, as: .jpeg)
        #expect(input.orientation == 6)
        #expect(input.fieldNames.contains("exif-ifd3-GPSLatitude"))
        #expect(input.fieldNames.contains("exif-data"))

        try await withLabelImageStore { store, _ in
            let stored = try await store.store(bytes: tagged)

            #expect((stored.width, stored.height) == (200, 300))
            let bytes = [UInt8](
                try #require(FileManager.default.contents(atPath: store.directory + "/" + stored.fileName)))
            let output = try LabelImageFixtures.decode(bytes, as: .jpeg)
            #expect((output.width, output.height) == (200, 300))
            #expect(output.orientation == nil)
            #expect(!output.fieldNames.contains { $0.hasPrefix("exif") || $0.hasPrefix("xmp") || $0.hasPrefix("iptc") })
            #expect(!LabelImageFixtures.jpegMarkers(bytes).contains(0xE1))
            #expect(!containsASCII(bytes, "Exif"))
            #expect(!containsASCII(bytes, "GPS"))
        }
    }

    @Test func aCameraPhotoLosesItsEXIF() async throws {
        let photo = try SharedData.bytes("labels/jo-pithon-clos-des-bois-1994.jpg")
        #expect(try LabelImageFixtures.decode(photo, as: .jpeg).fieldNames.contains("exif-ifd0-Model"))
        try await withLabelImageStore { store, _ in
            let stored = try await store.store(bytes: photo)

            let bytes = [UInt8](
                try #require(FileManager.default.contents(atPath: store.directory + "/" + stored.fileName)))
            #expect(!LabelImageFixtures.jpegMarkers(bytes).contains(0xE1))
            #expect(!containsASCII(bytes, "Canon"))
            let thumbnail = [UInt8](
                try #require(FileManager.default.contents(atPath: store.directory + "/" + stored.thumbnailName)))
            #expect(!LabelImageFixtures.jpegMarkers(thumbnail).contains(0xE1))
            #expect(!containsASCII(thumbnail, "Canon"))
        }
    }

    private func containsASCII(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else {
            return false
        }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
