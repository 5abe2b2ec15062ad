import Foundation
import Testing
import WineBoxConfig
import WineBoxServices
import WineBoxTesting

@testable import WineBoxApp

/// `POST /api/wines/scan` and check-ins that come with only a photo, through the real pipeline: libvips,
/// Tesseract, the label parser, X-Wines matching, and Claude against a fake Messages API on 127.0.0.1.
@Suite struct LabelScanTests {
    /// 118927 is Mongeard-Mugneret's Nuits-St-Georges Les Plateaux; Tesseract reads the producer on its photo.
    static let photoID = 118927

    @Test func aPhotoOfAKnownWineIsIdentifiedAndNothingIsStored() async throws {
        try await withCellarApplication { application, client in
            _ = try await XWinesImporter(database: application.database).importFile(SharedData.xwinesTestWines)
            let back = try LabelImageRenderer.render(lines: ["Produit de France", "13% vol", "750 ml"])

            let response = try await client.multipart(
                "POST", "/api/wines/scan", fields: [],
                files: [
                    ("front_label", "front.jpeg", try SharedData.bytes("xwines/photos/\(Self.photoID).jpeg")),
                    ("back_label", "back.png", back),
                ])

            #expect(response.status == 200)
            let answer = try response.json()
            #expect(answer["method"] as? String == "tesseract")
            let candidates = try #require(answer["candidates"] as? [[String: Any]])
            #expect(candidates.first?["id"] as? Int == Self.photoID)
            #expect(candidates.first?["winery"] as? String == "Mongeard-Mugneret")
            #expect((candidates.first?["score"] as? Double).map { (0.5...1).contains($0) } == true)
            let parsed = try #require(answer["parsed"] as? [String: Any])
            #expect(parsed["xwines_id"] as? Int == Self.photoID)
            #expect(parsed["name"] as? String == "Nuits-St-Georges Les Plateaux")
            #expect(parsed["winery"] as? String == "Mongeard-Mugneret")
            #expect((answer["enriched_fields"] as? [String])?.contains("winery") == true)
            #expect(parsed["appellation"] as? String == "Nuits-Saint-Georges")
            #expect(parsed["bottle_size_ml"] as? Int == 750)
            #expect(parsed["alcohol_percentage"] as? Double == 13)
            let texts = try #require(answer["ocr"] as? [String: Any])
            #expect((texts["front_label_text"] as? String)?.uppercased().contains("MONGEARD") == true)
            #expect((texts["back_label_text"] as? String)?.contains("750") == true)
            #expect((answer["enriched_fields"] as? [String])?.contains("name") == true)

            #expect(try await client.array("/api/wines").isEmpty)
            #expect(Self.storedImages(application).isEmpty)
        }
    }

    @Test func aFrontPhotoAloneIsReadWithoutAReference() async throws {
        try await withCellarApplication { _, client in
            let response = try await client.multipart(
                "POST", "/api/wines/scan", fields: [],
                files: [("front_label", "label.jpg", try SharedData.bytes("labels/jo-pithon-clos-des-bois-1994.jpg"))])

            #expect(response.status == 200)
            let answer = try response.json()
            let texts = try #require(answer["ocr"] as? [String: Any])
            #expect((texts["front_label_text"] as? String)?.lowercased().contains("layon") == true)
            #expect(texts["back_label_text"] is NSNull)
            #expect((answer["candidates"] as? [Any])?.isEmpty == true)
            let parsed = try #require(answer["parsed"] as? [String: Any])
            #expect(parsed["xwines_id"] is NSNull)
        }
    }

    @Test func badScansAreRefusedWithAReason() async throws {
        let smallUploads: (inout AppConfiguration) -> Void = { $0.storage.maxUploadMB = 1 }
        try await withCellarApplication(configure: smallUploads) { application, client in
            let none = try await client.multipart("POST", "/api/wines/scan", fields: [])
            #expect(none.status == 400)
            #expect(none.detail.contains("front_label"))

            let json = try await client.send("POST", "/api/wines/scan", json: ["front_label": "photo.jpg"])
            #expect(json.status == 400)

            let fake = try await client.multipart(
                "POST", "/api/wines/scan", fields: [], files: [("front_label", "x.jpg", Array("not a photo".utf8))])
            #expect(fake.status == 400)
            #expect(fake.detail == "Invalid file content. File does not appear to be a valid image.")

            let photo = try SharedData.bytes("xwines/photos/\(Self.photoID).jpeg")
            let unknown = try await client.multipart(
                "POST", "/api/wines/scan", fields: [("vintage", "2019")], files: [("front_label", "a.jpeg", photo)])
            #expect(unknown.status == 422)

            let huge = try await client.multipart(
                "POST", "/api/wines/scan", fields: [],
                files: [("front_label", "big.jpeg", photo + [UInt8](repeating: 0, count: 1_200_000))])
            #expect(huge.status == 413)

            #expect(Self.storedImages(application).isEmpty)
        }
    }

    @Test func claudesAnswerIsUsedWhenItIsConfigured() async throws {
        let answer = """
            {"name": "Les Plateaux", "winery": "Domaine Mongeard-Mugneret", "vintage": 2017,
             "appellation": "Nuits-Saint-Georges", "country": "France", "wine_type": "red",
             "alcohol_percentage": 13, "front_label_text": "MONGEARD-MUGNERET\\nNUITS-ST-GEORGES"}
            """
        let claude = try FakeAnthropicServer([.message(answer)])
        try await withClaude(claude) { application, client in
            _ = try await XWinesImporter(database: application.database).importFile(SharedData.xwinesTestWines)
            let response = try await Self.scanPhoto(client)

            #expect(response.status == 200)
            let scan = try response.json()
            #expect(scan["method"] as? String == "claude_vision")
            let parsed = try #require(scan["parsed"] as? [String: Any])
            #expect(parsed["name"] as? String == "Les Plateaux")
            #expect(parsed["vintage"] as? Int == 2017)
            #expect(parsed["xwines_id"] as? Int == Self.photoID)
            let exchange = try #require(claude.exchanges.first)
            #expect(exchange.problems.isEmpty)
            #expect(exchange.images.map(\.mediaType) == ["image/jpeg"])
        }
    }

    @Test(arguments: [
        FakeAnthropicServer.Answer.error(status: 401, type: "authentication_error", message: "invalid x-api-key"),
        FakeAnthropicServer.Answer.message("I am sorry, I cannot read this label."),
    ])
    func aClaudeFailureFallsBackToOfflineReading(failure: FakeAnthropicServer.Answer) async throws {
        let claude = try FakeAnthropicServer([failure])
        try await withClaude(claude) { application, client in
            _ = try await XWinesImporter(database: application.database).importFile(SharedData.xwinesTestWines)
            let response = try await Self.scanPhoto(client)

            #expect(response.status == 200)
            let scan = try response.json()
            #expect(scan["method"] as? String == "tesseract_fallback")
            #expect(["authentication_failed", "malformed_answer"].contains(scan["claude_error"] as? String))
            #expect((scan["candidates"] as? [[String: Any]])?.first?["id"] as? Int == Self.photoID)
            #expect(claude.exchanges.count == 1)
        }
    }

    @Test func aCheckInWithOnlyAPhotoIsFilledFromTheLabel() async throws {
        try await withCellarApplication { application, client in
            _ = try await XWinesImporter(database: application.database).importFile(SharedData.xwinesTestWines)
            let response = try await client.multipart(
                "POST", "/api/wines/checkin", fields: [("quantity", "2"), ("winery", "Typed Winery")],
                files: [("front_label", "front.jpeg", try SharedData.bytes("xwines/photos/\(Self.photoID).jpeg"))])

            #expect(response.status == 201)
            let wine = try response.json()
            #expect(wine["name"] as? String == "Nuits-St-Georges Les Plateaux")
            #expect(wine["winery"] as? String == "Typed Winery")
            #expect(wine["xwines_id"] as? Int == Self.photoID)
            #expect((wine["front_label_text"] as? String)?.uppercased().contains("MONGEARD") == true)
        }
    }

    private static func scanPhoto(_ client: CellarClient) async throws -> RawHTTPClient.Response {
        try await client.multipart(
            "POST", "/api/wines/scan", fields: [],
            files: [("front_label", "front.jpeg", try SharedData.bytes("xwines/photos/\(photoID).jpeg"))])
    }

    /// A cellar application whose label reading uses `claude`.
    private func withClaude(
        _ claude: FakeAnthropicServer, _ body: (Application, CellarClient) async throws -> Void
    ) async throws {
        var secrets = Secrets.forTests
        secrets.anthropicAPIKey = FakeAnthropicServer.apiKey
        try await withCellarApplication(
            secrets: secrets,
            configure: { configuration in
                configuration.ocr.anthropicBaseURL = claude.baseURL
                configuration.ocr.anthropicModel = FakeAnthropicServer.model
                configuration.ocr.anthropicTimeoutSeconds = 20
            }, body)
    }

    private static func storedImages(_ application: Application) -> [String] {
        let directory = application.configuration.storage.dataDirectory + "/" + Application.imagesDirectoryName
        return (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    }
}
