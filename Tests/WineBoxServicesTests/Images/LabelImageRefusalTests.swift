import Foundation
import Testing
import WineBoxDomain
import WineBoxTesting

@testable import WineBoxServices

@Suite struct LabelImageRefusalTests {
    static let invalid = WineBoxError(.badRequest, "Invalid file content. File does not appear to be a valid image.")

    static func fakes() throws -> [(String, [UInt8])] {
        let photo = try SharedData.bytes("labels/jo-pithon-clos-des-bois-1994.jpg")
        var garbage: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0]
        var state: UInt32 = 12_345
        for _ in 0..<4000 {
            state = state &* 1_103_515_245 &+ 12_345
            garbage.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        return [
            ("empty", []),
            ("a text file named .jpg", Array("This is not a picture of a wine label.\n".utf8)),
            ("JPEG magic bytes followed by garbage", garbage),
            ("a truncated JPEG", Array(photo.prefix(photo.count / 2))),
            ("a JPEG cut after its header", Array(photo.prefix(2000))),
            ("an SVG", Array(#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#.utf8)),
            ("a PNG signature alone", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            ("RIFF that is not WebP", Array("RIFF\u{10}\0\0\0WAVEfmt ".utf8)),
        ]
    }

    @Test func filesThatAreNotCompleteImagesAreRefusedAndLeaveNothingBehind() async throws {
        try await withLabelImageStore { store, _ in
            for (name, bytes) in try Self.fakes() {
                await #expect(throws: Self.invalid, "\(name)") {
                    try await store.store(bytes: bytes)
                }
            }
            #expect(LabelImageFixtures.listing(store.directory) == [])
        }
    }

    @Test func aTruncatedFileOnDiskIsRefusedToo() async throws {
        try await withLabelImageStore { store, directory in
            let photo = try SharedData.bytes("labels/rounded-label.jpg")
            let path = directory.file("upload.part")
            try Data(photo.prefix(photo.count * 3 / 4)).write(to: URL(fileURLWithPath: path))

            await #expect(throws: Self.invalid) {
                try await store.store(fileAt: path)
            }
            await #expect(throws: Self.invalid) {
                try await store.store(fileAt: directory.file("missing.part"))
            }
            #expect(LabelImageFixtures.listing(store.directory) == [])
        }
    }

    @Test func aDecompressionBombIsRefusedFromItsHeader() async throws {
        let bomb = LabelImageFixtures.pngBomb(width: 30_000, height: 30_000)
        #expect(bomb.count < 40_000)
        try await withLabelImageStore { store, _ in
            let expected = WineBoxError(
                .badRequest, "The image is too large: 30000×30000 pixels exceeds the limit of 40 megapixels")
            await #expect(throws: expected) {
                try await store.store(bytes: bomb)
            }
            #expect(LabelImageFixtures.listing(store.directory) == [])
        }
    }

    @Test func thePixelLimitIsAConstructorParameter() async throws {
        let photo = try SharedData.bytes("labels/jo-pithon-clos-des-bois-1994.jpg")
        try await withLabelImageStore(maxPixels: 1_000_000) { store, _ in
            await #expect(throws: WineBoxError.self) {
                try await store.store(bytes: photo)
            }
            let small = try LabelImageFixtures.generated(.png, width: 1000, height: 1000)
            _ = try await store.store(bytes: small)
        }
        #expect(LabelImagePipeline.megapixels(2_500_000) == "2.5")
    }

    @Test func uploadsOverTheByteLimitAreTooLarge() async throws {
        try await withLabelImageStore { store, directory in
            let oversized = [0xFF, 0xD8, 0xFF] + [UInt8](repeating: 0, count: 10 * 1_048_576)
            let expected = WineBoxError(.tooLarge, "File size exceeds maximum allowed size of 10.0 MB")
            await #expect(throws: expected) {
                try await store.store(bytes: oversized)
            }
            let path = directory.file("big.part")
            try Data(oversized).write(to: URL(fileURLWithPath: path))
            await #expect(throws: expected) {
                try await store.store(fileAt: path)
            }
            #expect(LabelImageFixtures.listing(store.directory) == [])
        }
        try await withLabelImageStore(maxBytes: 5 * 1_048_576 / 2) { store, _ in
            await #expect(throws: WineBoxError(.tooLarge, "File size exceeds maximum allowed size of 2.5 MB")) {
                try await store.store(
                    bytes: try SharedData.bytes("labels/jo-pithon-clos-des-bois-1994.jpg")
                        + [UInt8](repeating: 0, count: 3_000_000))
            }
        }
    }

    @Test func formatsAreRecognisedByTheirFirstBytesOnly() {
        #expect(LabelImageFormat.sniff([0xFF, 0xD8, 0xFF, 0xDB]) == .jpeg)
        #expect(LabelImageFormat.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(LabelImageFormat.sniff(Array("GIF87a".utf8)) == .gif)
        #expect(LabelImageFormat.sniff(Array("GIF89a".utf8)) == .gif)
        #expect(LabelImageFormat.sniff(Array("RIFF\0\0\0\0WEBPVP8 ".utf8)) == .webp)
        #expect(LabelImageFormat.sniff(Array("RIFF\0\0\0\0WEB".utf8)) == nil)
        #expect(LabelImageFormat.sniff(Array("GIF88a".utf8)) == nil)
        #expect(LabelImageFormat.sniff([0xFF, 0xD8]) == nil)
        #expect(LabelImageFormat.sniff(Array("BM".utf8) + [UInt8](repeating: 0, count: 20)) == nil)
        #expect(LabelImageFormat.sniff([]) == nil)
    }
}
