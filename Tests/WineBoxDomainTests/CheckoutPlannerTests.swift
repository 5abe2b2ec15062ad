import Foundation
import Testing
import WineBoxDomain

@Suite struct CheckoutPlannerTests {
    func lot(_ id: String, _ quantity: Int, bought: String?, recorded: TimeInterval = 0) -> Lot {
        Lot(
            id: id, wineID: "w", quantity: quantity, initialQuantity: max(quantity, 1), caseSize: nil,
            purchase: Lot.Purchase(date: bought), place: Lot.StoragePlace(),
            createdAt: Date(timeIntervalSince1970: recorded), updatedAt: Date())
    }

    @Test func oldestPurchasesGoFirstThenUndatedLotsByWhenTheyWereRecorded() throws {
        let lots = [
            lot("c", 5, bought: nil, recorded: 1), lot("a", 2, bought: "2020-01-01"), lot("b", 1, bought: "2018-05-05"),
            lot("d", 5, bought: nil, recorded: 0),
        ]
        let plan = try CheckoutPlanner.plan(quantity: 6, from: lots)
        #expect(
            plan == [.init(lotID: "b", quantity: 1), .init(lotID: "a", quantity: 2), .init(lotID: "d", quantity: 3)])
    }

    @Test func emptyLotsAreSkippedAndShortfallsRefused() throws {
        let lots = [lot("a", 0, bought: "2010-01-01"), lot("b", 2, bought: "2011-01-01")]
        #expect(try CheckoutPlanner.plan(quantity: 2, from: lots) == [.init(lotID: "b", quantity: 2)])
        #expect(throws: WineBoxError(.badRequest, "Not enough bottles in stock. Available: 2, Requested: 3")) {
            try CheckoutPlanner.plan(quantity: 3, from: lots)
        }
        #expect(throws: WineBoxError(.notFound, "Lot not found")) {
            try CheckoutPlanner.plan(quantity: 1, from: lots, lotID: "zzz")
        }
        #expect(throws: WineBoxError.self) { try CheckoutPlanner.plan(quantity: 1, from: lots, lotID: "a") }
    }

    @Test func looseSpellingsOfTypesAndReasonsAreUnderstood() {
        #expect(WineType(loose: "Rose") == .rose)
        #expect(WineType(loose: "Dessert/Port") == .dessert)
        #expect(WineType(loose: "blue") == nil)
        #expect(RemovalReason(loose: "DRINK") == .drank)
        #expect(RemovalReason(loose: "breakage") == .breakage)
        #expect(CellarEventType(loose: "removed") == .checkOut)
        #expect(ScoreScale(loose: "20_point")?.normalize(17) == 85)
    }

    @Test func detailsAreTrimmedAndChecked() throws {
        let details = try WineDetails(name: "  Pétrus  ", winery: " ", vintage: 2010).validated()
        #expect(details.name == "Pétrus")
        #expect(details.winery == nil)
        #expect(throws: WineBoxError.self) { try WineDetails(name: " ").validated() }
        #expect(throws: WineBoxError.self) { try WineDetails(name: "x", drinkFrom: 2030, drinkUntil: 2020).validated() }
        #expect(throws: WineBoxError.self) { try WineDetails(name: "x", bottleSizeML: 10).validated() }
    }
}
