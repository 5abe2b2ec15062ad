import Foundation
import Testing
import WineBoxSupport
import WineBoxTesting

@testable import WineBoxServices

@Suite struct LabelImageFilesTests {
    static let id = "0f8e4c2a-93b1-4d7e-8a6f-1c2d3e4f5a6b"

    @Test(arguments: [
        "", ".", "..", "../x", "a/b.jpg", "x.exe", "\(id)", "\(id).", "\(id).gif", "\(id).exe", "\(id).JPG",
        "\(id.uppercased()).jpg", "\(id).thumb.png", "\(id).jpg.thumb.jpg", "\(id).jpg/", "/\(id).jpg",
        "../\(id).jpg", "\(id).jpg\0", " \(id).jpg", "\(id).jpeg", "\(id)x.jpg", "0f8e4c2a93b14d7e8a6f1c2d3e4f5a6b.jpg",
        "\(id.dropLast()).jpg", "\(id.dropLast())g.jpg", ".upload-0123.tmp",
    ])
    func namesTheStoreDoesNotGenerateAreRefused(name: String) async throws {
        #expect(!LabelImageStore.isValidFileName(name))
        #expect(LabelImageStore.thumbnailName(for: name) == nil)
        try await withLabelImageStore { store, _ in
            #expect(store.file(named: name) == nil)
            #expect(store.remove(fileName: name) == [])
        }
    }

    @Test func namesTheStoreGeneratesAreAccepted() {
        for suffix in [".jpg", ".png", ".webp", ".thumb.jpg"] {
            #expect(LabelImageStore.isValidFileName(Self.id + suffix))
        }
        #expect(LabelImageStore.thumbnailName(for: Self.id + ".webp") == Self.id + ".thumb.jpg")
        #expect(LabelImageStore.thumbnailName(for: Self.id + ".thumb.jpg") == nil)
    }

    @Test func lookupGivesPathTypeSizeAndAContentETag() async throws {
        let photo = try SharedData.bytes("labels/reading-wine-labels.webp")
        try await withLabelImageStore { store, _ in
            #expect(store.file(named: Self.id + ".jpg") == nil)
            let stored = try await store.store(bytes: photo)

            let file = try #require(store.file(named: stored.fileName))
            let content = try #require(FileManager.default.contents(atPath: file.path))
            #expect(file.path == store.directory + "/" + stored.fileName)
            #expect(file.contentType == "image/webp")
            #expect(file.byteCount == content.count)
            #expect(file.etag == "\"" + Hex.encode(Digest.sha256(content)) + "\"")
            #expect(store.file(named: stored.fileName) == file)
            let thumbnail = try #require(store.file(named: stored.thumbnailName))
            #expect(thumbnail.contentType == "image/jpeg")
            #expect(thumbnail.etag != file.etag)
        }
    }

    @Test func removeDeletesTheImageAndItsThumbnail() async throws {
        let photo = try SharedData.bytes("labels/damaged.jpg")
        try await withLabelImageStore { store, _ in
            let stored = try await store.store(bytes: photo)
            let kept = try await store.store(bytes: photo)

            #expect(store.remove(fileName: stored.fileName) == [stored.fileName, stored.thumbnailName])
            #expect(store.file(named: stored.fileName) == nil)
            #expect(store.file(named: stored.thumbnailName) == nil)
            #expect(store.remove(fileName: stored.fileName) == [])
            #expect(LabelImageFixtures.listing(store.directory) == [kept.fileName, kept.thumbnailName].sorted())
        }
    }

    @Test func orphanCleanUpRemovesOnlyUnreferencedFilesOlderThanTheCutOff() async throws {
        let photo = try SharedData.bytes("labels/damaged.jpg")
        try await withLabelImageStore { store, _ in
            let referenced = try await store.store(bytes: photo)
            let oldReferenced = try await store.store(bytes: photo)
            let orphan = try await store.store(bytes: photo)
            let fresh = try await store.store(bytes: photo)
            let staleTemporary = store.directory + "/.upload-0123456789abcdef.tmp"
            let foreign = store.directory + "/notes.txt"
            let lastWeek = Date().addingTimeInterval(-7 * 86_400)
            for path in [staleTemporary, foreign] {
                #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
            }
            for path in [
                oldReferenced.fileName, oldReferenced.thumbnailName, orphan.fileName, orphan.thumbnailName,
            ].map({ store.directory + "/" + $0 }) + [staleTemporary, foreign] {
                try FileManager.default.setAttributes([.modificationDate: lastWeek], ofItemAtPath: path)
            }

            let removed = store.removeOrphans(
                referenced: [referenced.fileName, oldReferenced.fileName], olderThan: Date().addingTimeInterval(-3600))

            #expect(removed == [".upload-0123456789abcdef.tmp", orphan.fileName, orphan.thumbnailName].sorted())
            #expect(
                LabelImageFixtures.listing(store.directory)
                    == [
                        referenced.fileName, referenced.thumbnailName, oldReferenced.fileName,
                        oldReferenced.thumbnailName, fresh.fileName, fresh.thumbnailName, "notes.txt",
                    ].sorted())
            #expect(store.removeOrphans(referenced: [], olderThan: Date().addingTimeInterval(-3600)).count == 2)
        }
    }
}
