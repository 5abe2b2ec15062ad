import Foundation
import Testing
import WineBoxTesting

@Suite struct SearchAndHistoryTests {
    func stock(_ client: CellarClient) async throws -> [String: String] {
        var ids: [String: String] = [:]
        let wines: [[(String, String)]] = [
            [
                ("name", "Château Margaux"), ("winery", "Château Margaux"), ("vintage", "2015"), ("wine_type", "red"),
                ("grape_variety", "Cabernet Sauvignon"), ("country", "France"), ("region", "Bordeaux"),
                ("sub_region", "Haut-Médoc"), ("appellation", "Margaux"), ("quantity", "2"), ("location", "Cellar"),
            ],
            [
                ("name", "Sonoma Coast Chardonnay"), ("winery", "Flowers"), ("vintage", "2019"),
                ("wine_type", "white"), ("grape_variety", "Chardonnay"), ("country", "United States"),
                ("region", "California"), ("sub_region", "Sonoma"), ("quantity", "1"),
            ],
            [
                ("name", "Barossa Shiraz"), ("winery", "Penfolds"), ("vintage", "2015"), ("wine_type", "red"),
                ("grape_variety", "Shiraz"), ("country", "Australia"), ("region", "South Australia"),
                ("notes", "Bought for the wedding"), ("quantity", "1"), ("location", "Cellar"),
            ],
        ]
        for fields in wines {
            let wine = try await client.checkIn(fields)
            ids[wine["name"] as! String] = wine["id"] as? String
        }
        return ids
    }

    func names(_ client: CellarClient, _ query: String) async throws -> [String] {
        try await client.array("/api/search?\(query)").compactMap { $0["name"] as? String }
    }

    @Test func fullTextSearchFoldsAccentsAndMatchesPrefixes() async throws {
        try await withCellarApplication { _, client in
            _ = try await stock(client)
            #expect(try await names(client, "q=").count == 3)
            #expect(try await names(client, "q=chateau") == ["Château Margaux"])
            #expect(try await names(client, "q=CHÂTEAU%20marg") == ["Château Margaux"])
            #expect(try await names(client, "q=medoc") == ["Château Margaux"])
            #expect(try await names(client, "q=sono") == ["Sonoma Coast Chardonnay"])
            #expect(try await names(client, "q=wedding") == ["Barossa Shiraz"])
            #expect(try await names(client, "q=margaux%20sonoma").isEmpty)
            for hostile in ["%22", "AND", "NEAR(", "*", "a%22%20OR%20%22b", "%27%3B%20DROP%20TABLE%20wine%3B--", "()"] {
                let response = try await client.send("GET", "/api/search?q=\(hostile)")
                #expect(response.status == 200, "\(hostile)")
            }
            #expect(try await client.send("GET", "/api/search?q=\(String(repeating: "a", count: 201))").status == 422)
        }
    }

    @Test func filtersCombineWithTextAndSort() async throws {
        try await withCellarApplication { _, client in
            let ids = try await stock(client)
            #expect(Set(try await names(client, "vintage=2015")) == ["Château Margaux", "Barossa Shiraz"])
            #expect(try await names(client, "grape=chard") == ["Sonoma Coast Chardonnay"])
            #expect(try await names(client, "region=bordeaux") == ["Château Margaux"])
            #expect(try await names(client, "country=australia") == ["Barossa Shiraz"])
            #expect(try await names(client, "wine_type=white") == ["Sonoma Coast Chardonnay"])
            #expect(try await names(client, "vintage=2015&wine_type=red&country=france") == ["Château Margaux"])
            #expect(try await names(client, "q=shiraz&vintage=2019").isEmpty)
            #expect(try await names(client, "vintage_from=2016") == ["Sonoma Coast Chardonnay"])
            #expect(Set(try await names(client, "vintage_to=2015")) == ["Château Margaux", "Barossa Shiraz"])
            #expect(try await names(client, "vintage_from=2015&vintage_to=2015&q=shiraz") == ["Barossa Shiraz"])
            #expect(try await names(client, "vintage_from=2016&vintage_to=2018").isEmpty)
            #expect(
                try await names(client, "sort=name")
                    == ["Barossa Shiraz", "Château Margaux", "Sonoma Coast Chardonnay"])
            #expect(
                try await names(client, "sort=name&order=desc")
                    == ["Sonoma Coast Chardonnay", "Château Margaux", "Barossa Shiraz"])

            #expect(Set(try await names(client, "location=cellar")) == ["Château Margaux", "Barossa Shiraz"])
            #expect(try await names(client, "location=Cellar&q=shiraz&wine_type=red") == ["Barossa Shiraz"])
            #expect(try await names(client, "location=Cellar&vintage_from=2016").isEmpty)
            #expect(try await names(client, "location=Cell").isEmpty, "a location is matched whole")

            let shiraz = try #require(ids["Barossa Shiraz"])
            _ = try await client.send("POST", "/api/wines/\(shiraz)/checkout", form: "quantity=1")
            #expect(try await names(client, "in_stock=false") == ["Barossa Shiraz"])
            #expect(try await names(client, "location=Cellar") == ["Château Margaux"], "an emptied lot is not there")
            #expect(try await names(client, "checked_out_after=2000-01-01") == ["Barossa Shiraz"])
            #expect(try await names(client, "checked_out_before=2000-01-01").isEmpty)
            #expect(try await names(client, "checked_in_after=2000-01-01").count == 3)

            let blend = try await client.send(
                "PUT", "/api/wines/\(shiraz)/blend",
                json: ["grapes": [["grape": "Shiraz", "percentage": 85], ["grape": "Viognier", "percentage": 15]]])
            #expect(blend.status == 200)
            #expect(try await names(client, "q=viognier") == ["Barossa Shiraz"])
            #expect(try await names(client, "grape=viognier") == ["Barossa Shiraz"])

            for bad in [
                "vintage=abc", "in_stock=2", "wine_type=blue", "checked_in_after=yesterday", "sort=random",
                "unknown=1", "limit=500", "vintage_from=1799", "vintage_to=2101", "vintage_from=x",
                "vintage_from=2020&vintage_to=2019",
            ] {
                #expect(try await client.send("GET", "/api/search?\(bad)").status == 422, "\(bad)")
            }
        }
    }

    @Test func transactionsListFilterAndShowOne() async throws {
        try await withCellarApplication { _, client in
            #expect(try await client.array("/api/transactions").isEmpty)
            let ids = try await stock(client)
            let margaux = try #require(ids["Château Margaux"])
            _ = try await client.send("POST", "/api/wines/\(margaux)/checkout", form: "quantity=1")
            let all = try await client.send("GET", "/api/transactions")
            #expect(all.header("X-Total-Count") == "4")
            let rows = try await client.array("/api/transactions")
            #expect(rows.first?["transaction_type"] as? String == "CHECK_OUT")
            #expect((rows.first?["wine"] as? [String: Any])?["name"] as? String == "Château Margaux")
            #expect(try await client.array("/api/transactions?transaction_type=CHECK_IN").count == 3)
            #expect(try await client.array("/api/transactions?transaction_type=ADDED").count == 3)
            #expect(try await client.array("/api/transactions?wine_id=\(margaux)").count == 2)
            #expect(try await client.array("/api/transactions?from=2000-01-01&to=2999-12-31").count == 4)
            #expect(try await client.array("/api/transactions?to=2000-01-01").isEmpty)
            #expect(try await client.array("/api/transactions?limit=1&skip=1").count == 1)

            let id = try #require(rows.first?["id"] as? String)
            let one = try await client.object("/api/transactions/\(id)")
            #expect(one["quantity"] as? Int == 1)
            let missing = try await client.send("GET", "/api/transactions/\(UUID().uuidString)")
            #expect(missing.status == 404)
            #expect(missing.detail.hasPrefix("Transaction with ID"))
            for bad in ["transaction_type=SWAP", "wine_id=nope", "from=someday", "limit=0"] {
                #expect(try await client.send("GET", "/api/transactions?\(bad)").status == 422, "\(bad)")
            }
        }
    }
}
