import Foundation
import Testing
import WineBoxDomain
import WineBoxStorage

/// Text searches order by relevance, except searches so broad that ranking them would cost most of a keystroke's
/// time (more than `WineQuerySQL.rankingLimit` matches): those come newest first.
@Suite struct BroadSearchOrderTests {
    @Test func aNarrowSearchIsRankedAndABroadOneComesNewestFirst() async throws {
        try await withTemporaryDatabase { database in
            try await Migrator(WineBoxMigrations.all).migrate(database)
            let start = Date(timeIntervalSince1970: 1_700_000_000)
            try await database.write { connection in
                // The best match for "merlot" (the word twice) is the oldest wine.
                try WineStore.insert(
                    Wine(
                        id: UUID().uuidString.lowercased(), details: WineDetails(name: "Merlot Merlot Reserve"),
                        createdAt: start, updatedAt: start), in: connection)
                for number in 1...1_000 {
                    let created = start.addingTimeInterval(Double(number))
                    let name = number == 1_000 ? "Newest Merlot from a long list of other words" : "Merlot \(number)"
                    try WineStore.insert(
                        Wine(
                            id: UUID().uuidString.lowercased(), details: WineDetails(name: name),
                            createdAt: created, updatedAt: created), in: connection)
                }
                for number in 1...5 {
                    let created = start.addingTimeInterval(Double(2_000 + number))
                    let name = number == 1 ? "Syrah Syrah Cuvée" : "Syrah and a longer name \(number)"
                    try WineStore.insert(
                        Wine(
                            id: UUID().uuidString.lowercased(), details: WineDetails(name: name),
                            createdAt: created, updatedAt: created), in: connection)
                }
            }

            let narrow = try await database.read {
                try WineStore.list(WineQuery(text: "syrah", sort: .relevance, limit: 5), in: $0)
            }
            #expect(narrow.total == 5)
            #expect(narrow.wines.first?.details.name == "Syrah Syrah Cuvée")

            let broad = try await database.read {
                try WineStore.list(WineQuery(text: "merl", sort: .relevance, limit: 3), in: $0)
            }
            #expect(broad.total == 1_001)
            #expect(
                broad.wines.map(\.details.name) == [
                    "Newest Merlot from a long list of other words", "Merlot 999", "Merlot 998",
                ])
        }
    }
}
