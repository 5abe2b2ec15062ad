import Foundation
import Testing
import WineBoxTesting

@Suite struct CheckoutTests {
    @Test func checkOutTakesBottlesAndRefusesMoreThanThereAre() async throws {
        try await withCellarApplication { _, client in
            let id = try await client.checkIn([("name", "Chablis"), ("quantity", "3")])["id"] as! String
            let first = try await client.send("POST", "/api/wines/\(id)/checkout", form: "quantity=2&notes=Dinner")
            #expect(first.status == 200)
            #expect((try first.json()["inventory"] as? [String: Any])?["quantity"] as? Int == 1)

            let tooMany = try await client.send("POST", "/api/wines/\(id)/checkout", form: "quantity=5")
            #expect(tooMany.status == 400)
            #expect(tooMany.detail == "Not enough bottles in stock. Available: 1, Requested: 5")
            #expect(try await client.bottles(id) == 1)
            #expect(try await client.array("/api/transactions?transaction_type=CHECK_OUT").count == 1)

            for bad in [
                "quantity=0", "quantity=-1", "quantity=10001", "quantity=x", "removal_reason=LOST",
                "rating=101", "colour=red", "sale_price=-5&removal_reason=SELL",
            ] {
                let response = try await client.send("POST", "/api/wines/\(id)/checkout", form: bad)
                #expect(response.status == 422, "\(bad)")
            }
            #expect(try await client.bottles(id) == 1)
        }
    }

    @Test func reasonsNeedTheirDetailsAndAreRecorded() async throws {
        try await withCellarApplication { _, client in
            let id = try await client.checkIn([("name", "Sancerre"), ("quantity", "6")])["id"] as! String
            let unsold = try await client.send("POST", "/api/wines/\(id)/checkout", form: "removal_reason=SELL")
            #expect(unsold.status == 422)
            #expect(unsold.detail == "Sale price is required when removing wine as sold")
            let ungifted = try await client.send("POST", "/api/wines/\(id)/checkout", form: "removal_reason=GIFT")
            #expect(ungifted.status == 422)
            #expect(ungifted.detail == "Recipient name is required when gifting wine")
            #expect(try await client.bottles(id) == 6)

            let forms = [
                "removal_reason=SELL&quantity=2&sale_price_usd=50", "removal_reason=GIFT&gift_recipient=Ann",
                "removal_reason=BREAKAGE", "removal_reason=OTHER&removal_notes=Cork%20taint",
                "quantity=1&rating=92&tasting_notes=Flinty",
            ]
            for form in forms {
                #expect(try await client.send("POST", "/api/wines/\(id)/checkout", form: form).status == 200, "\(form)")
            }
            #expect(try await client.bottles(id) == 0)
            let events = try await client.array("/api/transactions?transaction_type=CHECK_OUT&wine_id=\(id)")
            let byReason = Dictionary(uniqueKeysWithValues: events.map { ($0["removal_reason"] as? String ?? "", $0) })
            #expect(byReason["SELL"]?["sale_price_usd"] as? Double == 50)
            #expect(byReason["SELL"]?["quantity"] as? Int == 2)
            #expect(byReason["GIFT"]?["gift_recipient"] as? String == "Ann")
            #expect(byReason["BREAKAGE"] != nil)
            #expect(byReason["OTHER"]?["removal_notes"] as? String == "Cork taint")
            #expect(byReason["DRINK"]?["rating"] as? Int == 92)
            #expect(byReason["DRINK"]?["tasting_notes"] as? String == "Flinty")
            let drank = try await client.array("/api/transactions?removal_reason=DRINK")
            #expect(drank.count == 1)
        }
    }

    @Test func theOldestBottlesGoFirstUnlessALotIsChosen() async throws {
        try await withCellarApplication { _, client in
            let id =
                try await client.checkIn([
                    ("name", "Rioja"), ("quantity", "2"), ("purchase_date", "2021-01-01"),
                ])["id"] as! String
            let older = try await client.send(
                "POST", "/api/wines/\(id)/lots",
                json: ["quantity": 3, "purchase_date": "2019-06-01", "location": "Rack"])
            #expect(older.status == 201)
            let olderID = try #require((try older.json()["items"] as? [[String: Any]])?.first?["id"] as? String)

            let taken = try await client.send("POST", "/api/wines/\(id)/checkout", form: "quantity=4")
            let lots = try #require(try taken.json()["lots"] as? [[String: Any]])
            #expect(lots.map { $0["quantity"] as? Int } == [0, 1])
            #expect(lots.first?["id"] as? String == olderID)

            let newerID = try #require(lots.last?["id"] as? String)
            let fromEmpty = try await client.send("POST", "/api/wines/\(id)/checkout", form: "lot_id=\(olderID)")
            #expect(fromEmpty.status == 400)
            let chosen = try await client.send("POST", "/api/wines/\(id)/checkout", form: "cellar_item_id=\(newerID)")
            #expect(chosen.status == 200)
            let unknownLot = try await client.send(
                "POST", "/api/wines/\(id)/checkout", form: "lot_id=\(UUID().uuidString)")
            #expect(unknownLot.status == 404)
            #expect(try await client.bottles(id) == 0)
        }
    }

    /// Twenty members reach for the last ten bottles at once: exactly ten get one.
    @Test func concurrentCheckOutsNeverOversell() async throws {
        try await withCellarApplication { _, client in
            let id =
                try await client.checkIn([("name", "Last Case"), ("quantity", "10"), ("case_size", "10")])["id"]
                as! String
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await client.send("POST", "/api/wines/\(id)/checkout", form: "quantity=1").status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 200 }.count == 10)
            #expect(statuses.filter { $0 == 400 }.count == 10)
            #expect(try await client.bottles(id) == 0)
            let checkOuts = try await client.array("/api/transactions?transaction_type=CHECK_OUT&limit=200")
            #expect(checkOuts.reduce(0) { $0 + ($1["quantity"] as? Int ?? 0) } == 10)
            let lots = try await client.object("/api/wines/\(id)/lots")
            #expect(((lots["items"] as? [[String: Any]])?.first?["quantity"] as? Int) == 0)
        }
    }
}
