import Foundation
import Testing
import WineBoxServices
import WineBoxTesting

@testable import WineBoxApp

@Suite struct LabelImageCheckInTests {
    func imageFiles(_ application: Application) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: application.labelImages.directory)
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func photosAreStoredServedAndRemovedWithTheWine() async throws {
        try await withCellarApplication { application, client in
            let front = try SharedData.bytes("labels/jo-pithon-clos-des-bois-1994.jpg")
            let back = try SharedData.bytes("labels/reading-wine-labels.webp")
            let response = try await client.multipart(
                "POST", "/api/wines/checkin", fields: [("name", "Clos des Bois")],
                files: [("front_label", "photo.png", front), ("back_label", "", back)])
            #expect(response.status == 201)
            let wine = try response.json()
            let frontName = try #require(wine["front_label_image_path"] as? String)
            let backName = try #require(wine["back_label_image_path"] as? String)
            #expect(frontName.hasSuffix(".jpg"))
            #expect(backName.hasSuffix(".webp"))
            #expect(try imageFiles(application).count == 4)

            let photo = try await client.send("GET", try #require(wine["front_label_image_url"] as? String))
            #expect(photo.status == 200)
            #expect(photo.header("Content-Type") == "image/jpeg")
            let thumbnail = try await client.send("GET", try #require(wine["front_label_thumbnail_url"] as? String))
            #expect(thumbnail.status == 200)

            #expect(try await client.send("DELETE", "/api/wines/\(wine["id"] as! String)").status == 204)
            #expect(try await client.send("GET", "/api/images/\(frontName)").status == 404)
            #expect(try imageFiles(application).isEmpty)
        }
    }

    @Test func aPhotoWithoutANameIsFilledFromWhatItsLabelSays() async throws {
        try await withCellarApplication { _, client in
            let front = try SharedData.bytes("labels/damaged.jpg")
            let response = try await client.multipart(
                "POST", "/api/wines/checkin", fields: [], files: [("front_label", "x.jpg", front)])
            #expect(response.status == 201)
            let wine = try response.json()
            #expect(wine["vintage"] as? Int == 1935)
            #expect(wine["wine_type"] as? String == "red")
            #expect((wine["front_label_text"] as? String)?.contains("ROUGE") == true)
        }
    }

    @Test func fakeOversizedAndRefusedUploadsLeaveNothingBehind() async throws {
        try await withCellarApplication { application, client in
            let good = try SharedData.bytes("labels/damaged.jpg")
            let cases:
                [(fields: [(String, String)], files: [(field: String, name: String, bytes: [UInt8])], status: Int)] = [
                    ([("name", "Fake")], [("front_label", "label.jpg", Array("not an image at all".utf8))], 400),
                    (
                        [("name", "Fake")],
                        [("front_label", "label.jpg", [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 7, count: 500))], 400
                    ),
                    ([("name", "Fake")], [("front_label", "label.jpg", Array(good.prefix(good.count / 2)))], 400),
                    // A good photo with a field that fails afterwards: the photo must not stay behind.
                    ([("name", "Fake"), ("vintage", "1200")], [("front_label", "label.jpg", good)], 422),
                    (
                        [("name", "Fine")],
                        [("front_label", "label.jpg", good), ("back_label", "b.jpg", Array("junk".utf8))], 400
                    ),
                ]
            for (fields, files, status) in cases {
                let response = try await client.multipart("POST", "/api/wines/checkin", fields: fields, files: files)
                #expect(response.status == status, "\(fields)")
                #expect(!response.detail.isEmpty)
            }
            #expect(try await client.array("/api/wines").isEmpty)
            #expect(try imageFiles(application).isEmpty)

            // Over the upload limit: refused from Content-Length, before the body is read.
            let raw = try RawHTTPClient(port: application.port)
            try await raw.send(
                "POST /api/wines/checkin HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(client.token)\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: \(10 * 1_048_576 + 1)\r\n\r\n")
            let oversized = try await raw.readResponse()
            #expect(oversized.status == 413)
            #expect(try await client.array("/api/wines").isEmpty)
            #expect(try imageFiles(application).isEmpty)
        }
    }
}
