import Foundation
import Testing
import WineBoxTesting

@testable import WineBoxApp

@Suite struct XWinesRoutesTests {
    private let password = "correct horse battery"

    /// A fixture for the ranking: for "barolo", wine 1 is the exact match, 6, 5, 2 and 7 start with it (by
    /// popularity: 6 has the most ratings; 5 and 2 have as many, 5 the better average; 7 none), and 3 and 4 only
    /// have it as a word of the name or the winery.
    private let rankingWines: [XWinesFixtures.Wine] = [
        .init(id: 1, name: "Barolo", ratings: [3.0]),
        .init(id: 2, name: "Barolo Riserva", winery: "Azienda B", ratings: Array(repeating: 4.0, count: 5)),
        .init(id: 3, name: "Cerequio Barolo", ratings: Array(repeating: 4.0, count: 9)),
        .init(id: 4, name: "Langhe Nebbiolo", winery: "Barolo Cellars", ratings: [4.0, 4.0]),
        .init(id: 5, name: "Barolo Riserva", winery: "Azienda A", ratings: Array(repeating: 4.5, count: 5)),
        .init(id: 6, name: "Barolo Chinato", ratings: Array(repeating: 3.5, count: 8)),
        .init(id: 7, name: "Barolo Blanc", type: "White", code: "FR", country: "France", region: "Alsace"),
        .init(id: 8, name: "Riesling", type: "White", code: "DE", country: "Germany", region: "Mosel"),
    ]

    /// Starts the app, signs in and runs `body` with the token; `wines` are imported first when given.
    private func withXWines(
        _ wines: [XWinesFixtures.Wine]? = nil, realTestFile: Bool = false,
        _ body: (APIClient, String) async throws -> Void
    ) async throws {
        try await withSignedUpApplication { application, api in
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            if let wines {
                try await XWinesFixtures.load(wines, into: application.database, directory: directory)
            }
            if realTestFile {
                try await XWinesImporter(database: application.database).importFile(
                    SharedData.xwinesTestWines, ratings: SharedData.xwinesTestRatings)
            }
            try await body(api, try await api.signIn("owner@example.com", password))
        }
    }

    private func search(_ api: APIClient, _ token: String, _ query: String) async throws -> (ids: [Int], total: Int) {
        let response = try await api.send("GET", "/api/xwines/search?" + query, token: token)
        #expect(response.status == 200, "\(query): \(response.text)")
        let body = try response.json()
        let results = body["results"] as? [[String: Any]] ?? []
        return (results.compactMap { $0["id"] as? Int }, body["total"] as? Int ?? -1)
    }

    @Test func everyRouteNeedsASignedInMember() async throws {
        try await withXWines(realTestFile: true) { api, _ async throws in
            for path in [
                "/api/xwines/search?q=merlot", "/api/xwines/wines/100062", "/api/xwines/stats", "/api/xwines/types",
                "/api/xwines/countries",
            ] {
                #expect(try await api.send("GET", path).status == 401, "\(path)")
            }
        }
    }

    @Test func badParametersAreRefusedWith422() async throws {
        try await withXWines { api, token in
            let cases = [
                ("q=a", "The search text must have 2 to 200 characters"),
                ("q=" + String(repeating: "x", count: 201), "The search text must have 2 to 200 characters"),
                ("limit=0", "limit must be a whole number from 1 to 50"),
                ("limit=51", "limit must be a whole number from 1 to 50"),
                ("limit=ten", "limit must be a whole number from 1 to 50"),
                ("skip=-1", "skip must be a whole number from 0 to 10000"),
                ("skip=10001", "skip must be a whole number from 0 to 10000"),
            ]
            for (query, detail) in cases {
                let response = try await api.send("GET", "/api/xwines/search?" + query, token: token)
                #expect(response.status == 422, "\(query)")
                #expect(try response.json()["detail"] as? String == detail)
            }
        }
    }

    @Test func exactThenPrefixThenWordMatchesEachByPopularity() async throws {
        try await withXWines(rankingWines) { api, token in
            let result = try await search(api, token, "q=barolo&limit=50")
            #expect(result.ids == [1, 6, 5, 2, 7, 3, 4])
            #expect(result.total == 7)
            #expect(try await search(api, token, "q=BAROLO%20riserva").ids == [5, 2])
            #expect(try await search(api, token, "q=riserva").ids == [5, 2])
            #expect(try await search(api, token, "q=bar%20cell").ids == [4])
        }
    }

    @Test func pagesAddUpToTheTotal() async throws {
        try await withXWines(rankingWines) { api, token in
            #expect(try await search(api, token, "q=barolo&limit=2").ids == [1, 6])
            #expect(try await search(api, token, "q=barolo&limit=2&skip=1").ids == [6, 5])
            #expect(try await search(api, token, "q=barolo&limit=2&skip=3").ids == [2, 7])
            #expect(try await search(api, token, "q=barolo&limit=3&skip=5").ids == [3, 4])
            let beyond = try await search(api, token, "q=barolo&skip=7")
            #expect(beyond.ids == [])
            #expect(beyond.total == 7)
            let response = try await api.send("GET", "/api/xwines/search?q=barolo&limit=3&skip=2", token: token)
            let body = try response.json()
            #expect(body["skip"] as? Int == 2)
            #expect(body["limit"] as? Int == 3)
        }
    }

    @Test func typeAndCountryFilters() async throws {
        try await withXWines(rankingWines) { api, token async throws in
            #expect(try await search(api, token, "q=barolo&wine_type=white").ids == [7])
            #expect(try await search(api, token, "q=barolo&wine_type=RED").total == 6)
            #expect(try await search(api, token, "q=barolo&country=fr").ids == [7])
            #expect(try await search(api, token, "q=barolo&country=France").ids == [7])
            #expect(try await search(api, token, "q=barolo&country=italy&wine_type=red").total == 6)
            #expect(try await search(api, token, "q=barolo&country=de").total == 0)
            #expect(try await search(api, token, "q=barolo&wine_type=%2F%2F").total == 0)
        }
    }

    @Test func withoutTextTheFiltersListWinesByPopularity() async throws {
        try await withXWines(rankingWines) { api, token in
            let all = try await search(api, token, "limit=50")
            #expect(all.ids == [3, 6, 5, 2, 4, 1, 7, 8])
            #expect(all.total == 8)
            let whites = try await search(api, token, "wine_type=White")
            #expect(whites.ids == [7, 8])
            #expect(try await search(api, token, "country=DE&skip=0").ids == [8])
            #expect(try await search(api, token, "q=%20%20&country=germany").ids == [8])
            let unrated = try await api.send("GET", "/api/xwines/wines/8", token: token).json()
            #expect(unrated["avg_rating"] is NSNull)
            #expect(unrated["website"] is NSNull)
            #expect(unrated["rating_count"] as? Int == 0)
        }
    }

    @Test func accentsAndCaseAreIgnored() async throws {
        try await withXWines(realTestFile: true) { api, token in
            // Reserva Chardonnay by Aurora comes from Serra Gaúcha.
            #expect(try await search(api, token, "q=gaucha").ids == [100191])
            #expect(try await search(api, token, "q=GAÚCHA").ids == [100191])
            // Casa Valduga's Origem Merlot: every word starts a word of the winery.
            #expect(try await search(api, token, "q=casa%20vald").ids == [100062])
            // Doña Paula, Château wineries and accented names.
            #expect(try await search(api, token, "q=dona%20paula").total == 1)
            let chateau = try await search(api, token, "q=chateau&limit=50")
            #expect(chateau.total >= 5)
            #expect(try await search(api, token, "q=epenots").total == 1)
        }
    }

    @Test func operatorCharactersInTheTextAreJustText() async throws {
        try await withXWines(rankingWines) { api, token in
            for text in [
                "AND", "\"*", "NEAR(", "barolo OR", "-barolo", "a*b", "^bar", "'\"", "((", "NOT barolo", "{}:",
            ] {
                let encoded = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let response = try await api.send("GET", "/api/xwines/search?q=" + encoded, token: token)
                #expect(response.status == 200, "\(text): \(response.text)")
            }
            #expect(try await search(api, token, "q=%22barolo%22").ids.first == 1)
            #expect(try await search(api, token, "q=NOT%20barolo").total == 0)
        }
    }

    @Test func detailOfAWineAndNotFound() async throws {
        try await withXWines(realTestFile: true) { api, token in
            let response = try await api.send("GET", "/api/xwines/wines/101847", token: token)
            #expect(response.status == 200)
            let wine = try response.json()
            #expect(wine["name"] as? String == "Dona Antonia Porto Reserva Tawny")
            #expect(wine["wine_type"] as? String == "Dessert/Port")
            #expect(
                wine["grapes"] as? [String] == ["Touriga Nacional", "Touriga Franca", "Tinta Barroca", "Tinta Amarela"])
            #expect(wine["harmonize"] as? [String] == ["Appetizer", "Sweet Dessert", "Blue Cheese"])
            #expect((wine["vintages"] as? [Any])?.first as? Int == 2021)
            #expect((wine["vintages"] as? [Any])?.last as? String == "N.V.")
            #expect(wine["country_code"] as? String == "PT")
            #expect(wine["region_id"] as? Int == 1031)
            #expect(wine["winery_id"] as? Int == 10674)
            #expect(wine["rating_count"] as? Int == 21)
            #expect(wine["avg_rating"] as? Double == 3.81)
            let keys = [
                "id", "name", "wine_type", "elaborate", "grapes", "harmonize", "abv", "body", "acidity", "country_code",
                "country", "region_id", "region_name", "winery_id", "winery_name", "website", "vintages", "avg_rating",
                "rating_count",
            ]
            #expect(Set(wine.keys) == Set(keys))
            let rated = try await api.send("GET", "/api/xwines/wines/100062", token: token).json()
            #expect(rated["avg_rating"] as? Double == 4.12)
            for path in ["/api/xwines/wines/1", "/api/xwines/wines/abc", "/api/xwines/wines/99999999999999999999"] {
                let missing = try await api.send("GET", path, token: token)
                #expect(missing.status == 404, "\(path)")
                #expect(try missing.json()["detail"] as? String == "Wine not found")
            }
        }
    }

    @Test func searchResultsCarryTheListFields() async throws {
        try await withXWines(realTestFile: true) { api, token in
            let body = try await api.send("GET", "/api/xwines/search?q=origem", token: token).json()
            let first = try #require((body["results"] as? [[String: Any]])?.first)
            #expect(first["id"] as? Int == 100062)
            #expect(first["name"] as? String == "Origem Merlot")
            #expect(first["winery"] as? String == "Casa Valduga")
            #expect(first["wine_type"] as? String == "Red")
            #expect(first["country"] as? String == "Brazil")
            #expect(first["region"] as? String == "Vale dos Vinhedos")
            #expect(first["abv"] as? Double == 13.0)
            #expect(first["avg_rating"] as? Double == 4.12)
            #expect(first["rating_count"] as? Int == 21)
        }
    }

    @Test func statsBeforeAndAfterAnImport() async throws {
        try await withSignedUpApplication { application, api in
            let token = try await api.signIn("owner@example.com", password)
            let empty = try await api.send("GET", "/api/xwines/stats", token: token).json()
            #expect(empty["wine_count"] as? Int == 0)
            #expect(empty["rating_count"] as? Int == 0)
            #expect(empty["version"] is NSNull)
            #expect(empty["import_date"] is NSNull)
            #expect(empty["source"] is NSNull)
            #expect(try await api.send("GET", "/api/xwines/types", token: token).text == "[]")
            #expect(try await search(api, token, "q=merlot").total == 0)

            try await XWinesImporter(database: application.database).importFile(
                SharedData.xwinesTestWines, ratings: SharedData.xwinesTestRatings)
            let stats = try await api.send("GET", "/api/xwines/stats", token: token).json()
            #expect(stats["wine_count"] as? Int == 100)
            #expect(stats["rating_count"] as? Int == 1_000)
            #expect(stats["version"] as? String == "test")
            #expect(stats["source"] as? String == "XWines_Test_100_wines.csv")
            #expect((stats["import_date"] as? String)?.hasSuffix("Z") == true)
            // The types were cached empty before the import; the import makes them current again.
            let types = try await api.send("GET", "/api/xwines/types", token: token).text
            #expect(types == #"["Dessert","Dessert/Port","Red","Rosé","Sparkling","White"]"#)
        }
    }

    @Test func typesAndCountries() async throws {
        try await withXWines(realTestFile: true) { api, token in
            let types =
                try JSONSerialization.jsonObject(
                    with: Data(try await api.send("GET", "/api/xwines/types", token: token).body)) as? [String]
            #expect(types == ["Dessert", "Dessert/Port", "Red", "Rosé", "Sparkling", "White"])
            let countries =
                try JSONSerialization.jsonObject(
                    with: Data(try await api.send("GET", "/api/xwines/countries", token: token).body))
                as? [[String: Any]]
            #expect(countries?.count == 17)
            #expect(countries?.first?["code"] as? String == "IT")
            #expect(countries?.first?["name"] as? String == "Italy")
            #expect(countries?.first?["count"] as? Int == 25)
            #expect(countries?[1]["code"] as? String == "FR")
            // Equal counts are ordered by name: Australia, Chile (4 each).
            let fours = countries?.filter { $0["count"] as? Int == 4 }.compactMap { $0["name"] as? String }
            #expect(fours == ["Australia", "Chile"])
        }
    }
}
