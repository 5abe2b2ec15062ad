import Foundation
import Testing
import WineBoxTesting

@testable import WineBoxApp

@Suite struct XWinesCheckInTests {
    @Test func aWinePickedFromXWinesFillsOnlyTheEmptyFields() async throws {
        try await withCellarApplication { application, client in
            _ = try await XWinesImporter(database: application.database).importFile(SharedData.xwinesTestWines)

            // 100062 is Casa Valduga's Origem Merlot from Vale dos Vinhedos, Brazil, 13% ABV.
            let wine = try await client.checkIn([("xwines_id", "100062"), ("winery", "Our Own Label")])
            #expect(wine["name"] as? String == "Origem Merlot")
            #expect(wine["winery"] as? String == "Our Own Label")
            #expect(wine["country"] as? String == "Brazil")
            #expect(wine["region"] as? String == "Vale dos Vinhedos")
            #expect(wine["grape_variety"] as? String == "Merlot")
            #expect(wine["wine_type"] as? String == "red")
            #expect(wine["alcohol_percentage"] as? Double == 13)
            #expect(wine["xwines_id"] as? Int == 100062)
            let filled = try #require(wine["enriched_fields"] as? [String])
            #expect(Set(filled) == ["name", "country", "region", "grape_variety", "wine_type", "alcohol_percentage"])

            let named = try await client.checkIn([("name", "My Merlot"), ("xwines_id", "100062")])
            #expect(named["name"] as? String == "My Merlot")

            let unknown = try await client.multipart("POST", "/api/wines/checkin", fields: [("xwines_id", "1")])
            #expect(unknown.status == 422)
            #expect(unknown.detail == "xwines_id 1 is not in the X-Wines reference")
            #expect(try await client.array("/api/wines").count == 2)
        }
    }
}
