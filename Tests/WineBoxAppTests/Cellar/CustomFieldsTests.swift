import Foundation
import Testing
import WineBoxTesting

/// The earlier WineBox's `custom_fields`: a JSON object of the household's own details, sent as text in forms and
/// as an object (or text) in JSON bodies, answered as an object, searchable.
@Suite struct CustomFieldsTests {
    @Test func aFormCheckInStoresThemAsTextAndAnswersAnObject() async throws {
        try await withCellarApplication { _, client in
            let sent = #"{"Cellar book": "p. 12", "Bottle number": 4471, "gone": null}"#
            let wine = try await client.checkIn([("name", "Vin Jaune"), ("custom_fields", sent)])
            let fields = try #require(wine["custom_fields"] as? [String: String])
            #expect(fields == ["Cellar book": "p. 12", "Bottle number": "4471"])

            let id = try #require(wine["id"] as? String)
            #expect(try await client.object("/api/wines/\(id)")["custom_fields"] as? [String: String] == fields)
            let found = try await client.array("/api/search?q=4471")
            #expect(found.map { $0["id"] as? String } == [id])
        }
    }

    @Test func jsonBodiesSendAnObjectAndUpdatesReplaceOrClearIt() async throws {
        try await withCellarApplication { _, client in
            let created = try await client.send(
                "POST", "/api/wines/checkin", json: ["name": "Banyuls", "custom_fields": ["Gift from": "Aunt Rosa"]])
            #expect(created.status == 201)
            let id = try #require(try created.json()["id"] as? String)
            #expect(try await client.array("/api/search?q=rosa").count == 1)

            let replaced = try await client.send(
                "PUT", "/api/wines/\(id)", json: ["custom_fields": ["Shelf": " top "]])
            #expect(replaced.status == 200)
            #expect(try replaced.json()["custom_fields"] as? [String: String] == ["Shelf": "top"])
            #expect(try await client.array("/api/search?q=rosa").isEmpty, "the search index kept the old fields")

            let untouched = try await client.send("PUT", "/api/wines/\(id)", json: ["notes": "Sweet"])
            #expect(try untouched.json()["custom_fields"] as? [String: String] == ["Shelf": "top"])

            let cleared = try await client.send("PUT", "/api/wines/\(id)", json: ["custom_fields": NSNull()])
            #expect(try cleared.json()["custom_fields"] is NSNull)
            #expect(try await client.object("/api/wines/\(id)")["custom_fields"] is NSNull)
        }
    }

    @Test func badCustomFieldsAreRefusedAndChangeNothing() async throws {
        try await withCellarApplication { _, client in
            let wine = try await client.checkIn([("name", "Tokaji"), ("custom_fields", #"{"Lot": "A"}"#)])
            let id = try #require(wine["id"] as? String)
            let refusals: [(Any, Int)] = [
                ("not json", 400), ("[1, 2]", 400), (#"{"nested": {"a": 1}}"#, 400), (["list": [1]], 400),
                ([1, 2], 400), (["": "blank name"], 422), ([String(repeating: "n", count: 101): "x"], 422),
                (["long": String(repeating: "v", count: 1001)], 422),
                (Dictionary(uniqueKeysWithValues: (0..<51).map { ("f\($0)", "v") }), 422),
                (#"{"a": ""# + String(repeating: "x", count: 5000) + #""}"#, 422),
            ]
            for (value, status) in refusals {
                let response = try await client.send("PUT", "/api/wines/\(id)", json: ["custom_fields": value])
                #expect(response.status == status, "\(value)")
                #expect((try? response.json()["detail"] as? String)?.isEmpty == false)
            }
            let checkIn = try await client.send(
                "POST", "/api/wines/checkin", form: "name=Other&custom_fields=%7Bbroken")
            #expect(checkIn.status == 400)

            #expect(try await client.object("/api/wines/\(id)")["custom_fields"] as? [String: String] == ["Lot": "A"])
            #expect(try await client.array("/api/wines").count == 1)
        }
    }
}
