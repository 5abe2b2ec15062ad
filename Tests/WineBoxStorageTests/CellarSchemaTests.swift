import Foundation
import Testing
import WineBoxDomain
import WineBoxStorage

/// The cellar schema's own guarantees: stock follows the lots, never goes negative, and the search index follows
/// wines and blends.
@Suite struct CellarSchemaTests {
    func withCellarDatabase(_ body: (Database) async throws -> Void) async throws {
        try await withTemporaryDatabase { database in
            try await Migrator(WineBoxMigrations.all).migrate(database)
            try await body(database)
        }
    }

    func wine(_ name: String, id: String = UUID().uuidString.lowercased()) -> Wine {
        Wine(id: id, details: WineDetails(name: name), createdAt: Date(), updatedAt: Date())
    }

    func lot(_ wineID: String, _ quantity: Int) -> Lot {
        Lot(
            id: UUID().uuidString.lowercased(), wineID: wineID, quantity: quantity, initialQuantity: max(quantity, 1),
            caseSize: nil, purchase: Lot.Purchase(), place: Lot.StoragePlace(), createdAt: Date(), updatedAt: Date())
    }

    func searchRows(_ database: Database) async throws -> Int {
        try await database.read { try $0.queryOne("SELECT count(*) AS n FROM wine_search")?.int("n") ?? -1 }
    }

    @Test func stockIsTheSumOfTheLotsAndCannotGoNegative() async throws {
        try await withCellarDatabase { database in
            let red = wine("Red")
            let original = lot(red.id, 4)
            var first = original
            try await database.write { connection in
                try WineStore.insert(red, in: connection)
                try LotStore.insert(original, in: connection)
                try LotStore.insert(lot(red.id, 2), in: connection)
            }
            #expect(try await database.read { try WineStore.find(id: red.id, in: $0)?.bottles } == 6)

            first.quantity = -1
            let negative = first
            await #expect(throws: StorageError.self) {
                try await database.write { try LotStore.update(negative, in: $0) }
            }
            first.quantity = 1
            let debited = first
            try await database.write { try LotStore.update(debited, in: $0) }
            #expect(try await database.read { try WineStore.find(id: red.id, in: $0)?.bottles } == 3)
        }
    }

    @Test func theSearchIndexFollowsWinesAndBlends() async throws {
        try await withCellarDatabase { database in
            let original = wine("Cuvée Spéciale")
            let other = wine("Other")
            var blended = original
            try await database.write { connection in
                try WineStore.insert(original, in: connection)
                try WineStore.insert(other, in: connection)
                try ScoreStore.replaceBlend(
                    [
                        BlendComponent(grape: "Grenache", percentage: 70),
                        BlendComponent(grape: "Mourvèdre", percentage: nil),
                    ],
                    ofWine: original.id, in: connection)
            }
            #expect(try await searchRows(database) == 2)
            let byGrape = try await database.read { try WineStore.list(WineQuery(text: "mourvedre"), in: $0).total }
            #expect(byGrape == 1)

            blended.details.name = "Renamed"
            let renamed = blended
            try await database.write { try WineStore.update(renamed, in: $0) }
            #expect(try await database.read { try WineStore.list(WineQuery(text: "cuvee"), in: $0).total } == 0)
            #expect(try await database.read { try WineStore.list(WineQuery(text: "renam"), in: $0).total } == 1)

            _ = try await database.write { try WineStore.delete(id: renamed.id, in: $0) }
            #expect(try await searchRows(database) == 1)
            let integrity = try await database.read { try $0.queryOne("PRAGMA integrity_check")?.string(at: 0) }
            #expect(integrity == "ok")
            try await database.write {
                try $0.execute(sql: "INSERT INTO wine_search (wine_search) VALUES ('integrity-check')")
            }
        }
    }
}
