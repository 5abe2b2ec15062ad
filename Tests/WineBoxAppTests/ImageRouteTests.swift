import Foundation
import Testing
import WineBoxHTTP
import WineBoxServices
import WineBoxSupport
import WineBoxTesting

@testable import WineBoxApp

@Suite struct ImageRouteTests {
    @Test func signedInMembersGetImagesAndThumbnailsWithCachingHeaders() async throws {
        let photo = try SharedData.bytes("labels/jo-pithon-clos-des-bois-1994.jpg")
        try await withSignedUpApplication { application, api in
            let stored = try await application.labelImages.store(bytes: photo)
            let token = try await api.signIn("owner@example.com", "correct horse battery")
            let authorization = ("Authorization", "Bearer \(token)")

            let image = try await RawHTTPClient(port: api.port).request(
                "GET", "/api/images/\(stored.fileName)", headers: [authorization])
            #expect(image.status == 200)
            #expect(image.header("Content-Type") == "image/jpeg")
            #expect(image.header("Cache-Control") == "private, max-age=3600")
            #expect(image.header("Content-Security-Policy") == "default-src 'none'; sandbox")
            #expect(image.header("X-Content-Type-Options") == "nosniff")
            #expect(image.body.count == stored.byteCount)
            let etag = try #require(image.header("ETag"))
            #expect(etag == "\"" + Hex.encode(Digest.sha256(image.body)) + "\"")

            let revalidated = try await RawHTTPClient(port: api.port).request(
                "GET", "/api/images/\(stored.fileName)", headers: [authorization, ("If-None-Match", etag)])
            #expect(revalidated.status == 304)
            #expect(revalidated.body.isEmpty)
            #expect(revalidated.header("ETag") == etag)
            #expect(revalidated.header("Cache-Control") == "private, max-age=3600")

            let changed = try await RawHTTPClient(port: api.port).request(
                "GET", "/api/images/\(stored.fileName)", headers: [authorization, ("If-None-Match", "\"other\"")])
            #expect(changed.status == 200)

            let thumbnail = try await api.send("GET", "/api/images/\(stored.thumbnailName)", token: token)
            #expect(thumbnail.status == 200)
            #expect(thumbnail.header("Content-Type") == "image/jpeg")
            #expect(thumbnail.body.count < image.body.count)
        }
    }

    @Test func uploadedFilesAreStoredFromMemoryOrFromTheirTemporaryFile() async throws {
        let photo = try SharedData.bytes("labels/reading-wine-labels.webp")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("part")
        try Data(photo).write(to: URL(fileURLWithPath: path))
        try await withSignedUpApplication { application, _ in
            for storage in [UploadedFile.Storage.memory(photo), .temporaryFile(path: path)] {
                let upload = UploadedFile(
                    fieldName: "front_label", clientFileName: "../../label.exe", declaredContentType: "text/html",
                    size: photo.count, storage: storage)
                let stored = try await application.labelImages.store(upload)
                #expect(stored.contentType == "image/webp")
                #expect(application.labelImages.file(named: stored.fileName) != nil)
            }
        }
    }

    @Test func imagesNeedASignedInMember() async throws {
        let photo = try SharedData.bytes("labels/reading-wine-labels.webp")
        try await withSignedUpApplication { application, api in
            let stored = try await application.labelImages.store(bytes: photo)

            let anonymous = try await api.send("GET", "/api/images/\(stored.fileName)")
            #expect(anonymous.status == 401)
            #expect(anonymous.header("WWW-Authenticate") == "Bearer")
            #expect(anonymous.header("Content-Type") == "application/json; charset=utf-8")
        }
    }

    @Test func unknownAndUnsafeNamesAre404() async throws {
        try await withSignedUpApplication { application, api in
            let token = try await api.signIn("owner@example.com", "correct horse battery")
            let stored = try await application.labelImages.store(
                bytes: try SharedData.bytes("labels/reading-wine-labels.webp"))
            let missing = "0f8e4c2a-93b1-4d7e-8a6f-1c2d3e4f5a6b.jpg"
            for name in [
                missing, "x.exe", "..%2F..%2Fwinebox.sqlite3", "..", "%2e%2e", "winebox.sqlite3",
                stored.fileName.uppercased(), stored.fileName + ".", "a%2Fb.jpg", "a/b.jpg",
            ] {
                let response = try await api.send("GET", "/api/images/\(name)", token: token)
                #expect(response.status == 404, "\(name)")
                #expect((try response.json()["detail"] as? String)?.lowercased() == "not found", "\(name)")
            }
            let unknown = try await api.send("GET", "/api/images/\(missing)", token: token)
            #expect(try unknown.json()["detail"] as? String == "Not found")
            application.labelImages.remove(fileName: stored.fileName)
            #expect(try await api.send("GET", "/api/images/\(stored.fileName)", token: token).status == 404)
        }
    }
}
