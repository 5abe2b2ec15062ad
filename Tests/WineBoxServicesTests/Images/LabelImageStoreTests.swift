import Foundation
import Testing
import WineBoxSupport
import WineBoxTesting

@testable import WineBoxServices

@Suite struct LabelImageStoreTests {
    @Test(arguments: [
        ("jo-pithon-clos-des-bois-1994.jpg", LabelImageFormat.jpeg, 1193, 1190),
        ("rounded-label.jpg", .jpeg, 2250, 3000),
        ("damaged.jpg", .jpeg, 736, 1104),
        ("reading-wine-labels.webp", .webp, 1366, 768),
    ])
    func realLabelPhotosAreStoredInTheirFormatWithASmallerThumbnail(
        photo: String, format: LabelImageFormat, width: Int, height: Int
    ) async throws {
        let original = try SharedData.bytes("labels/" + photo)
        try await withLabelImageStore { store, _ in
            let stored = try await store.store(bytes: original)

            #expect(stored.fileName.hasSuffix("." + format.fileExtension))
            #expect(stored.thumbnailName == stored.fileName.split(separator: ".")[0] + ".thumb.jpg")
            #expect(stored.contentType == format.contentType)
            #expect((stored.width, stored.height) == (width, height))
            let image = try #require(FileManager.default.contents(atPath: store.directory + "/" + stored.fileName))
            #expect(image.count == stored.byteCount)
            let decoded = try LabelImageFixtures.decode([UInt8](image), as: format)
            #expect((decoded.width, decoded.height) == (width, height))

            let thumbnailData = try #require(
                FileManager.default.contents(atPath: store.directory + "/" + stored.thumbnailName))
            let thumbnail = try LabelImageFixtures.decode([UInt8](thumbnailData), as: .jpeg)
            #expect(max(thumbnail.width, thumbnail.height) == 400)
            #expect(thumbnailData.count < image.count)
            #expect(LabelImageFixtures.listing(store.directory) == [stored.fileName, stored.thumbnailName].sorted())
        }
    }

    @Test func uploadsSpilledToATemporaryFileAreReadFromThere() async throws {
        try await withLabelImageStore { store, directory in
            let path = directory.file("upload.part")
            try Data(try SharedData.bytes("labels/jo-pithon-clos-des-bois-1994.jpg")).write(
                to: URL(fileURLWithPath: path))

            let stored = try await store.store(fileAt: path)

            #expect(stored.contentType == "image/jpeg")
            #expect((stored.width, stored.height) == (1193, 1190))
            #expect(FileManager.default.fileExists(atPath: path))
            #expect(store.file(named: stored.fileName) != nil)
        }
    }

    @Test func pngKeepsItsFormatAndTransparency() async throws {
        let png = try LabelImageFixtures.generated(.png, width: 320, height: 200, alpha: true)
        try await withLabelImageStore { store, _ in
            let stored = try await store.store(bytes: png)

            #expect(stored.fileName.hasSuffix(".png"))
            #expect(stored.contentType == "image/png")
            let image = try #require(FileManager.default.contents(atPath: store.directory + "/" + stored.fileName))
            let decoded = try LabelImageFixtures.decode([UInt8](image), as: .png)
            #expect((decoded.width, decoded.height, decoded.bands) == (320, 200, 4))
            let thumbnail = try #require(store.file(named: stored.thumbnailName))
            #expect(thumbnail.contentType == "image/jpeg")
        }
    }

    @Test func gifBecomesAPNGOfItsFirstFrame() async throws {
        let gif = try LabelImageFixtures.generated(.gif, width: 150, height: 90)
        #expect(LabelImageFormat.sniff(gif) == .gif)
        try await withLabelImageStore { store, _ in
            let stored = try await store.store(bytes: gif)

            #expect(stored.fileName.hasSuffix(".png"))
            #expect(stored.contentType == "image/png")
            #expect((stored.width, stored.height) == (150, 90))
            let image = try #require(FileManager.default.contents(atPath: store.directory + "/" + stored.fileName))
            #expect(LabelImageFormat.sniff([UInt8](image)) == .png)
        }
    }

    @Test func largePhotosAreScaledDownToTheLongEdgeLimit() async throws {
        let wide = try LabelImageFixtures.generated(.jpeg, width: 7000, height: 1000)
        try await withLabelImageStore { store, _ in
            let stored = try await store.store(bytes: wide)

            #expect((stored.width, stored.height) == (3000, 429))
        }
        #expect(LabelImagePipeline.jpegShrink(longEdge: 7000, target: 3000) == 2)
        #expect(LabelImagePipeline.jpegShrink(longEdge: 5999, target: 3000) == 1)
        #expect(LabelImagePipeline.jpegShrink(longEdge: 40_000, target: 3000) == 8)
    }

    @Test func filesArePrivateAndTheDirectoryIsCreatedPrivate() async throws {
        let photo = try SharedData.bytes("labels/jo-pithon-clos-des-bois-1994.jpg")
        try await withLabelImageStore { store, _ in
            let stored = try await store.store(bytes: photo)

            let permissions = { (path: String) in
                (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
            }
            #expect(permissions(store.directory) == 0o700)
            #expect(permissions(store.directory + "/" + stored.fileName) == 0o600)
            #expect(permissions(store.directory + "/" + stored.thumbnailName) == 0o600)
        }
    }

    @Test func eachUploadGetsItsOwnName() async throws {
        let photo = try SharedData.bytes("labels/reading-wine-labels.webp")
        try await withLabelImageStore { store, _ in
            let first = try await store.store(bytes: photo)
            let second = try await store.store(data: Data(photo))

            #expect(first.fileName != second.fileName)
            #expect(LabelImageFixtures.listing(store.directory).count == 4)
        }
    }
}
