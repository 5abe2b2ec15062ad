import Foundation
import Testing
import WineBoxServices
import WineBoxTesting

@testable import WineBoxApp

/// A running server removes label images no wine refers to, not only at start-up.
@Suite struct ImageSweepTests {
    @Test func aRunningServerRemovesOldImagesNoWineRefersToAndKeepsTheRest() async throws {
        try await withCellarApplication(imageSweepInterval: .milliseconds(50)) { application, client in
            let folder = application.labelImages.directory
            let checkIn = try await client.multipart(
                "POST", "/api/wines/checkin", fields: [("name", "Clos des Bois")],
                files: [("front_label", "photo.jpg", try SharedData.bytes("labels/jo-pithon-clos-des-bois-1994.jpg"))])
            #expect(checkIn.status == 201)
            let kept = try #require(try checkIn.json()["front_label_image_path"] as? String)

            let oldOrphan = UUID().uuidString.lowercased() + ".jpg"
            let newOrphan = UUID().uuidString.lowercased() + ".png"
            for name in [oldOrphan, newOrphan] {
                #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("x".utf8)))
            }
            let twoHoursAgo = Date().addingTimeInterval(-7200)
            for name in [oldOrphan, kept] {
                try FileManager.default.setAttributes(
                    [.modificationDate: twoHoursAgo], ofItemAtPath: folder + "/" + name)
            }

            let deadline = Date().addingTimeInterval(10)
            while FileManager.default.fileExists(atPath: folder + "/" + oldOrphan), Date() < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(!FileManager.default.fileExists(atPath: folder + "/" + oldOrphan))
            #expect(FileManager.default.fileExists(atPath: folder + "/" + newOrphan))
            #expect(FileManager.default.fileExists(atPath: folder + "/" + kept))
            #expect(try await client.send("GET", "/api/images/\(kept)").status == 200)
        }
    }
}
