import WineBoxDomain
import WineBoxHTTP
import WineBoxStorage
import WineBoxWeb

/// `/api/xwines/*`: searching and reading the X-Wines reference data set. Every route needs a signed-in member
/// (the earlier WineBox served them without authentication; its defect §10.13).
///
/// Shapes follow the earlier WineBox, with one deliberate change: `grapes`, `harmonize` and `vintages` are JSON
/// arrays rather than Python-list strings (a vintage is a number, or the string `"N.V."`). Absent values are
/// `null`. There are no price fields: WineBox has no price data for the reference wines.
enum XWinesRoutes {
    static func register(on router: inout Router, database: Database) {
        let lists = XWinesListCache()

        router.add(.get, "/api/xwines/search") { request, _ in
            // Other parameters are ignored, not refused: the earlier WineBox's interface also sent price bounds.
            let fields = try InputFields(query: request)
            let query = try XWinesSearchQuery(
                text: request.queryValue("q"), wineType: request.queryValue("wine_type"),
                country: request.queryValue("country"),
                limit: try fields.integer("limit", range: XWinesSearchQuery.limits) ?? 10,
                skip: try fields.integer("skip", range: XWinesSearchQuery.skips) ?? 0)
            let page = try await database.read { connection in try XWinesStore.search(query, in: connection) }
            return .json(
                SearchAnswer(
                    results: page.wines.map(SearchResult.init), total: page.total, skip: query.skip,
                    limit: query.limit))
        }

        router.add(.get, "/api/xwines/wines/{id}") { _, context in
            guard let id = Int(try context.parameters.require("id")) else {
                throw WineBoxError(.notFound, "Wine not found")
            }
            guard let wine = try await database.read({ connection in try XWinesStore.wine(id: id, in: connection) })
            else {
                throw WineBoxError(.notFound, "Wine not found")
            }
            return .json(Detail(wine))
        }

        router.add(.get, "/api/xwines/stats") { _, _ in
            let stats = try await database.read { connection in
                Stats(
                    metadata: try XWinesStore.metadata(in: connection),
                    wineCount: try XWinesStore.wineCount(in: connection))
            }
            return .json(stats)
        }

        router.add(.get, "/api/xwines/types") { _, _ in
            .json(try await database.read { connection in try lists.lists(in: connection).types })
        }

        router.add(.get, "/api/xwines/countries") { _, _ in
            let countries = try await database.read { connection in try lists.lists(in: connection).countries }
            return .json(countries.map(Country.init))
        }
    }
}
