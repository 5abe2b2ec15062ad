import Foundation
import Testing
import WineBoxSupport
import WineBoxTesting

@testable import WineBoxApp

/// Real answers of a running WineBox checked against what `openapi.json` documents for their route and status:
/// the status is documented, the documented headers are sent, and the JSON body fits the schema without
/// undocumented fields.
@Suite struct OpenAPIResponseTests {
    let document: JSONValue
    let checker: JSONSchemaChecker

    init() throws {
        document = try JSONValue.parse(OpenAPIRoutes.document)
        checker = JSONSchemaChecker(document: document)
    }

    /// Records an issue for every way `response` differs from what the document promises for `method` `pattern`.
    func expectDocumented(
        _ response: RawHTTPClient.Response, _ method: String, _ pattern: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let name = "\(method) \(pattern) answering \(response.status)"
        guard let operation = document["paths"]?[pattern]?[method.lowercased()] else {
            Issue.record("\(method) \(pattern) is not in the document", sourceLocation: sourceLocation)
            return
        }
        guard var documented = operation["responses"]?[String(response.status)] else {
            Issue.record("\(name) is not documented: \(response.text)", sourceLocation: sourceLocation)
            return
        }
        if let reference = documented["$ref"]?.string, let target = checker.resolve(reference) {
            documented = target
        }
        for header in (documented["headers"]?.object ?? [:]).keys.sorted() where response.header(header) == nil {
            Issue.record("\(name): the documented header \(header) is missing", sourceLocation: sourceLocation)
        }
        guard let content = documented["content"]?.object else {
            if !response.body.isEmpty {
                Issue.record(
                    "\(name): documented without a body, answered \(response.text)", sourceLocation: sourceLocation)
            }
            return
        }
        let contentType = response.header("Content-Type") ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard let media = content[mediaType] else {
            Issue.record("\(name): \(contentType) is not documented", sourceLocation: sourceLocation)
            return
        }
        guard mediaType == "application/json", let schema = media["schema"] else {
            return
        }
        do {
            let body = try JSONValue.parse(response.body)
            for problem in checker.problems(body, against: schema) {
                Issue.record("\(name): \(problem)", sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("\(name): the body is not JSON: \(response.text)", sourceLocation: sourceLocation)
        }
    }

    @Test func accountAnswersFitTheDocument() async throws {
        try await withCellarApplication { _, client in
            let api = client.api
            expectDocumented(try await api.send("GET", "/health"), "GET", "/health")
            expectDocumented(try await api.send("GET", "/openapi.json"), "GET", "/openapi.json")
            expectDocumented(try await api.send("GET", "/verify?token=abc"), "GET", "/verify")
            let owner = ["email": "owner@example.com", "password": "correct horse battery"]
            expectDocumented(try await api.send("POST", "/api/auth/login", json: owner), "POST", "/api/auth/login")
            expectDocumented(
                try await api.send(
                    "POST", "/api/auth/login", json: ["email": "owner@example.com", "password": "nope"]),
                "POST", "/api/auth/login")
            expectDocumented(
                try await api.send(
                    "POST", "/api/auth/token", form: "username=owner%40example.com&password=correct+horse+battery"),
                "POST", "/api/auth/token")
            expectDocumented(try await api.send("GET", "/api/auth/me"), "GET", "/api/auth/me")
            expectDocumented(try await client.send("GET", "/api/auth/me"), "GET", "/api/auth/me")
            expectDocumented(
                try await client.send("PATCH", "/api/auth/me", json: ["full_name": "Olivia O."]), "PATCH",
                "/api/auth/me")
            expectDocumented(
                try await client.send("PATCH", "/api/auth/me", json: ["nickname": "Liv"]), "PATCH", "/api/auth/me")
            expectDocumented(
                try await client.send(
                    "POST", "/api/admin/users",
                    json: ["email": "member@example.com", "password": "member pass phrase", "role": "member"]),
                "POST", "/api/admin/users")
            expectDocumented(try await client.send("GET", "/api/admin/users"), "GET", "/api/admin/users")
            expectDocumented(try await client.send("GET", "/api/admin/audit?limit=5"), "GET", "/api/admin/audit")
            let member = try await api.signIn("member@example.com", "member pass phrase")
            expectDocumented(try await api.send("GET", "/api/admin/users", token: member), "GET", "/api/admin/users")
            expectDocumented(try await api.send("POST", "/api/auth/logout", token: member), "POST", "/api/auth/logout")
        }
    }

    @Test func cellarAnswersFitTheDocument() async throws {
        try await withCellarApplication { application, client in
            let checkIn = try await client.multipart(
                "POST", "/api/wines/checkin",
                fields: [
                    ("name", "Clos des Bois"), ("winery", "Jo Pithon"), ("vintage", "2015"), ("wine_type", "Red"),
                    ("quantity", "8"), ("case_size", "6"), ("price_per_bottle", "25"), ("currency", "EUR"),
                    ("purchase_date", "2020-03-01"), ("location", "Cellar"), ("bin", "A1"),
                    ("drink_window_start", "2020"), ("drink_window_end", "2030"),
                ],
                files: [("front_label", "label.jpg", try SharedData.bytes("labels/damaged.jpg"))])
            expectDocumented(checkIn, "POST", "/api/wines/checkin")
            let wine = try checkIn.json()
            let wineID = try #require(wine["id"] as? String)
            let image = try await client.send("GET", try #require(wine["front_label_image_url"] as? String))
            expectDocumented(image, "GET", "/api/images/{filename}")
            let plainID = try #require(try await client.checkIn([("name", "House Red")])["id"] as? String)
            expectDocumented(
                try await client.send(
                    "PUT", "/api/wines/\(plainID)", json: ["winery": "Domaine X", "vintage": NSNull()]),
                "PUT", "/api/wines/{id}")

            let score = try await client.send(
                "POST", "/api/wines/\(wineID)/scores", json: ["source": "RP", "score": 94])
            expectDocumented(score, "POST", "/api/wines/{id}/scores")
            let scoreID = try #require(try score.json()["id"] as? String)
            expectDocumented(
                try await client.send("PUT", "/api/wines/\(wineID)/scores/\(scoreID)", json: ["reviewer": "Robert"]),
                "PUT", "/api/wines/{id}/scores/{score_id}")
            expectDocumented(
                try await client.send("GET", "/api/wines/\(wineID)/scores"), "GET", "/api/wines/{id}/scores")
            let grapes: [[String: Any]] = [["grape": "Merlot", "percentage": 60], ["grape": "Cabernet Franc"]]
            expectDocumented(
                try await client.send("PUT", "/api/wines/\(wineID)/blend", json: ["grapes": grapes]), "PUT",
                "/api/wines/{id}/blend")
            expectDocumented(try await client.send("GET", "/api/wines/\(wineID)/blend"), "GET", "/api/wines/{id}/blend")

            expectDocumented(
                try await client.send(
                    "POST", "/api/wines/\(wineID)/checkout",
                    json: ["quantity": 2, "removal_reason": "SELL", "sale_price": 40]),
                "POST", "/api/wines/{id}/checkout")
            expectDocumented(
                try await client.send("POST", "/api/wines/\(wineID)/checkout", json: ["quantity": 100]), "POST",
                "/api/wines/{id}/checkout")

            let lot = try await client.send(
                "POST", "/api/wines/\(wineID)/lots", json: ["quantity": 3, "location": "Fridge"])
            expectDocumented(lot, "POST", "/api/wines/{id}/lots")
            let lotID = try #require((try lot.json()["items"] as? [[String: Any]])?.first?["id"] as? String)
            expectDocumented(try await client.send("GET", "/api/lots/\(lotID)"), "GET", "/api/lots/{id}")
            expectDocumented(
                try await client.send("PATCH", "/api/lots/\(lotID)", json: ["bin": "B2"]), "PATCH", "/api/lots/{id}")
            expectDocumented(
                try await client.send("POST", "/api/lots/\(lotID)/move", json: ["quantity": 1, "location": "Kitchen"]),
                "POST", "/api/lots/{id}/move")
            expectDocumented(try await client.send("GET", "/api/wines/\(wineID)/lots"), "GET", "/api/wines/{id}/lots")
            expectDocumented(try await client.send("GET", "/api/lots"), "GET", "/api/lots")
            expectDocumented(try await client.send("GET", "/api/locations"), "GET", "/api/locations")

            expectDocumented(try await client.send("GET", "/api/wines/\(wineID)"), "GET", "/api/wines/{id}")
            expectDocumented(try await client.send("GET", "/api/wines?sort=name"), "GET", "/api/wines")
            expectDocumented(try await client.send("GET", "/api/cellar"), "GET", "/api/cellar")
            expectDocumented(try await client.send("GET", "/api/search?q=clos&in_stock=true"), "GET", "/api/search")
            expectDocumented(try await client.send("GET", "/api/cellar/summary"), "GET", "/api/cellar/summary")
            let history = try await client.send("GET", "/api/transactions")
            expectDocumented(history, "GET", "/api/transactions")
            let events = try #require(try JSONSerialization.jsonObject(with: Data(history.body)) as? [[String: Any]])
            #expect(events.count >= 4)
            let eventID = try #require(events.first?["id"] as? String)
            expectDocumented(
                try await client.send("GET", "/api/transactions/\(eventID)"), "GET", "/api/transactions/{id}")

            expectDocumented(try await client.send("GET", "/api/wines/not-a-wine"), "GET", "/api/wines/{id}")
            expectDocumented(try await client.send("GET", "/api/wines?limit=0"), "GET", "/api/wines")
            expectDocumented(try await client.api.send("GET", "/api/wines"), "GET", "/api/wines")
            let plainText = try await RawHTTPClient(port: application.port).request(
                "POST", "/api/wines/checkin",
                headers: [("Content-Type", "text/plain"), ("Authorization", "Bearer \(client.token)")],
                body: Array("name=x".utf8))
            expectDocumented(plainText, "POST", "/api/wines/checkin")
            expectDocumented(
                try await client.send("DELETE", "/api/wines/\(wineID)/scores/\(scoreID)"), "DELETE",
                "/api/wines/{id}/scores/{score_id}")
            expectDocumented(try await client.send("DELETE", "/api/wines/\(wineID)"), "DELETE", "/api/wines/{id}")
        }
    }

    @Test func xwinesAnswersFitTheDocument() async throws {
        try await withCellarApplication { application, client in
            expectDocumented(try await client.send("GET", "/api/xwines/stats"), "GET", "/api/xwines/stats")
            _ = try await XWinesImporter(database: application.database).importFile(
                SharedData.xwinesTestWines, ratings: SharedData.xwinesTestRatings)
            for path in [
                "/api/xwines/search?q=casa", "/api/xwines/search?country=BR&limit=50", "/api/xwines/search?q=a",
            ] {
                expectDocumented(try await client.send("GET", path), "GET", "/api/xwines/search")
            }
            for path in ["/api/xwines/wines/100062", "/api/xwines/wines/1", "/api/xwines/wines/abc"] {
                expectDocumented(try await client.send("GET", path), "GET", "/api/xwines/wines/{id}")
            }
            expectDocumented(try await client.send("GET", "/api/xwines/stats"), "GET", "/api/xwines/stats")
            expectDocumented(try await client.send("GET", "/api/xwines/types"), "GET", "/api/xwines/types")
            expectDocumented(try await client.send("GET", "/api/xwines/countries"), "GET", "/api/xwines/countries")
        }
    }
}
