import Foundation
import Testing
import WineBoxTesting

@Suite struct WineAPITests {
    @Test func aFullCheckInIsStoredWithItsLotAndHistory() async throws {
        try await withCellarApplication { _, client in
            let wine = try await client.checkIn([
                ("name", "Château Margaux"), ("winery", "Château Margaux"), ("vintage", "2015"),
                ("wine_type", "Red"), ("grape_variety", "Cabernet Sauvignon"), ("country", "France"),
                ("region", "Bordeaux"), ("sub_region", "Médoc"), ("appellation", "Margaux AOC"),
                ("classification", "Premier Grand Cru Classé"), ("alcohol_percentage", "13.5"), ("quantity", "3"),
                ("price_per_bottle", "450"), ("currency", "eur"), ("purchase_date", "2020-03-01"),
                ("source", "Berry Bros"), ("location", "Cellar"), ("bin", "A1"), ("drink_window_start", "2025"),
                ("drink_window_end", "2060"), ("notes", "Anniversary"),
            ])
            #expect(wine["name"] as? String == "Château Margaux")
            #expect(wine["wine_type"] as? String == "red")
            #expect(wine["vintage"] as? Int == 2015)
            #expect(wine["sub_region"] as? String == "Médoc")
            #expect(wine["alcohol_percentage"] as? Double == 13.5)
            #expect(wine["bottle_size_ml"] as? Int == 750)
            #expect(wine["front_label_image_path"] is NSNull)
            let inventory = try #require(wine["inventory"] as? [String: Any])
            #expect(inventory["quantity"] as? Int == 3)
            #expect(inventory["loose_bottles"] as? Int == 3)
            let lots = try #require(wine["lots"] as? [[String: Any]])
            #expect(lots.count == 1)
            #expect(lots[0]["currency"] as? String == "EUR")
            #expect(lots[0]["price_per_bottle"] as? Double == 450)
            #expect(lots[0]["location"] as? String == "Cellar")

            let id = try #require(wine["id"] as? String)
            let detail = try await client.object("/api/wines/\(id)")
            let history = try #require(detail["transactions"] as? [[String: Any]])
            #expect(history.count == 1)
            #expect(history[0]["transaction_type"] as? String == "CHECK_IN")
            #expect(history[0]["quantity"] as? Int == 3)
            #expect((history[0]["performed_by"] as? [String: Any])?["name"] as? String == "Olivia Owner")
        }
    }

    @Test func aMinimalCheckInNeedsOnlyAName() async throws {
        try await withCellarApplication { _, client in
            let wine = try await client.checkIn([("name", "House Red")])
            #expect((wine["inventory"] as? [String: Any])?["quantity"] as? Int == 1)
            #expect(wine["vintage"] is NSNull)

            let nameless = try await client.multipart("POST", "/api/wines/checkin", fields: [("winery", "X")])
            #expect(nameless.status == 422)
            #expect(nameless.detail == "name is required")

            let fromLabel = try await client.checkIn([("front_label_text", "Domaine Test\nBourgogne 2019")])
            #expect(fromLabel["name"] as? String == "Domaine Test")
            #expect(fromLabel["front_label_text"] as? String == "Domaine Test\nBourgogne 2019")
        }
    }

    @Test func casesBecomeOneLotEachAndTheRestIsLoose() async throws {
        try await withCellarApplication { _, client in
            let wine = try await client.checkIn([
                ("name", "Rioja Reserva"), ("quantity", "14"), ("case_size", "6"), ("purchase_price", "120"),
            ])
            let lots = try #require(wine["lots"] as? [[String: Any]])
            #expect(lots.map { $0["quantity"] as? Int } == [6, 6, 2])
            #expect(lots.map { $0["price_per_bottle"] as? Double } == [20, 20, 20])
            let inventory = try #require(wine["inventory"] as? [String: Any])
            #expect(inventory["quantity"] as? Int == 14)
            #expect((inventory["cases"] as? [Any])?.count == 2)
            #expect(inventory["loose_bottles"] as? Int == 2)
            #expect(inventory["case_size"] as? Int == 6)
        }
    }

    @Test func listsAreNewestFirstPagedAndFilteredByStock() async throws {
        try await withCellarApplication { _, client in
            #expect(try await client.array("/api/wines").isEmpty)
            var ids: [String] = []
            for index in 1...5 {
                ids.append(try await client.checkIn([("name", "Wine \(index)")])["id"] as! String)
            }
            let all = try await client.send("GET", "/api/wines")
            #expect(all.header("X-Total-Count") == "5")
            #expect(try await client.array("/api/wines").map { $0["id"] as? String } == ids.reversed())
            let page = try await client.array("/api/wines?skip=1&limit=2")
            #expect(page.map { $0["id"] as? String } == [ids[3], ids[2]])

            let checkout = try await client.send("POST", "/api/wines/\(ids[0])/checkout", form: "quantity=1")
            #expect(checkout.status == 200)
            #expect(try await client.array("/api/wines?in_stock=false").map { $0["id"] as? String } == [ids[0]])
            #expect(try await client.array("/api/wines?in_stock=true").count == 4)
            #expect(
                try await client.array("/api/cellar").map { $0["name"] as? String } == [
                    "Wine 2", "Wine 3", "Wine 4", "Wine 5",
                ])

            for bad in ["limit=0", "limit=201", "skip=-1", "in_stock=maybe", "limit=abc", "colour=red", "sort=price"] {
                let response = try await client.send("GET", "/api/wines?\(bad)")
                #expect(response.status == 422, "\(bad)")
                #expect(!response.detail.isEmpty)
            }
        }
    }

    @Test func unknownAndMalformedIdsAre404() async throws {
        try await withCellarApplication { _, client in
            let missing = UUID().uuidString.lowercased()
            let unknown = try await client.send("GET", "/api/wines/\(missing)")
            #expect(unknown.status == 404)
            #expect(unknown.detail == "Wine with ID \(missing) not found")
            #expect(try await client.send("GET", "/api/wines/not-an-id").status == 404)
            #expect(try await client.send("PUT", "/api/wines/\(missing)", json: ["name": "x"]).status == 404)
            #expect(try await client.send("DELETE", "/api/wines/\(missing)").status == 404)
            #expect(try await client.send("POST", "/api/wines/\(missing)/checkout", form: "quantity=1").status == 404)
        }
    }

    @Test func updatesChangeOnlyWhatIsSentAndRefuseBadValues() async throws {
        try await withCellarApplication { _, client in
            let wine = try await client.checkIn([
                ("name", "Barolo"), ("winery", "Someone"), ("vintage", "2016"), ("region", "Piedmont"),
            ])
            let id = try #require(wine["id"] as? String)
            let updated = try await client.send(
                "PUT", "/api/wines/\(id)",
                json: [
                    "sub_region": "La Morra", "appellation": "Barolo DOCG", "classification": "Riserva",
                    "winery": NSNull(), "drink_window_start": 2026,
                ])
            #expect(updated.status == 200)
            let body = try updated.json()
            #expect(body["sub_region"] as? String == "La Morra")
            #expect(body["classification"] as? String == "Riserva")
            #expect(body["winery"] is NSNull)
            #expect(body["vintage"] as? Int == 2016)
            #expect(body["region"] as? String == "Piedmont")

            let refused: [[String: Any]] = [
                ["name": ""], ["vintage": 1066], ["alcohol_percentage": 140], ["colour": "red"], ["wine_type": "blue"],
                ["drink_window_start": 2030, "drink_window_end": 2020], ["notes": String(repeating: "x", count: 5001)],
                ["vintage": "twenty"], ["region": ["nested"]],
            ]
            for change in refused {
                let response = try await client.send("PUT", "/api/wines/\(id)", json: change)
                #expect(response.status == 422, "\(change)")
            }
            let after = try await client.object("/api/wines/\(id)")
            #expect(after["name"] as? String == "Barolo")
            #expect(after["vintage"] as? Int == 2016)
            #expect(after["drink_window_end"] is NSNull)
            #expect(try await client.send("PUT", "/api/wines/\(id)", json: [:]).status == 422)
        }
    }

    @Test func deletingAWineRemovesItsLotsAndHistory() async throws {
        try await withCellarApplication { _, client in
            let wine = try await client.checkIn([("name", "Doomed"), ("quantity", "2")])
            let keep = try await client.checkIn([("name", "Kept")])
            let id = try #require(wine["id"] as? String)
            #expect(try await client.send("DELETE", "/api/wines/\(id)").status == 204)
            #expect(try await client.send("GET", "/api/wines/\(id)").status == 404)
            let transactions = try await client.array("/api/transactions")
            #expect(transactions.map { $0["wine_id"] as? String } == [keep["id"] as? String])
            #expect(try await client.array("/api/search?q=doomed").isEmpty)
            let summary = try await client.object("/api/cellar/summary")
            #expect(summary["total_bottles"] as? Int == 1)
        }
    }

    @Test func checkInRefusesBadFieldsAndStoresNothing() async throws {
        try await withCellarApplication { _, client in
            let bad: [[(String, String)]] = [
                [("name", "X"), ("quantity", "0")], [("name", "X"), ("quantity", "10001")],
                [("name", "X"), ("quantity", "-3")], [("name", "X"), ("vintage", "3000")],
                [("name", "X"), ("case_size", "101")], [("name", "X"), ("price_per_bottle", "-1")],
                [("name", "X"), ("currency", "euro")], [("name", "X"), ("purchase_date", "2024-02-30")],
                [("name", "X"), ("colour", "red")], [("name", String(repeating: "n", count: 501))],
                [("name", "X"), ("alcohol_percentage", "nan")], [("name", "X"), ("wine_type", "purple")],
                [("name", "X"), ("name", "Y")],
            ]
            for fields in bad {
                let response = try await client.multipart("POST", "/api/wines/checkin", fields: fields)
                #expect(response.status == 422, "\(fields)")
                #expect(!response.detail.isEmpty)
            }
            #expect(try await client.array("/api/wines").isEmpty)
            #expect(try await client.array("/api/transactions").isEmpty)
        }
    }
}
