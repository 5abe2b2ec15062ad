import WineBoxDomain

/// `GET /api/cellar/summary`: the earlier WineBox's totals and breakdowns (objects of bottle counts), plus the
/// value at purchase price and the drinking-window groups.
struct SummaryResource: Encodable {
    let totalBottles: Int
    let uniqueWines: Int
    let totalWinesTracked: Int
    let totalCases: Int
    let byVintage: [String: Int]
    let byCountry: [String: Int]
    let byGrapeVariety: [String: Int]
    let byWineType: [String: Int]
    let byRegion: [String: Int]
    let valueAtPurchasePrice: Value
    let drinkingWindow: DrinkingWindow

    init(summary: CellarSummary, year: Int) {
        func object(_ pairs: [(key: String, bottles: Int)]) -> [String: Int] {
            Dictionary(pairs.map { ($0.key, $0.bottles) }, uniquingKeysWith: +)
        }
        totalBottles = summary.totalBottles
        uniqueWines = summary.uniqueWines
        totalWinesTracked = summary.totalWinesTracked
        totalCases = summary.totalCases
        byVintage = object(summary.byVintage)
        byCountry = object(summary.byCountry)
        byGrapeVariety = object(summary.byGrapeVariety)
        byWineType = object(summary.byWineType)
        byRegion = object(summary.byRegion)
        valueAtPurchasePrice = Value(
            byCurrency: Dictionary(
                summary.valueByCurrency.map { ($0.currency.isEmpty ? "unspecified" : $0.currency, $0.value) },
                uniquingKeysWith: +), bottlesWithoutPrice: summary.bottlesWithoutPrice)
        drinkingWindow = DrinkingWindow(
            year: year, readyNow: Group(summary.readyToDrink), pastWindow: Group(summary.pastWindow),
            notReady: Group(summary.notReady))
    }

    enum CodingKeys: String, CodingKey {
        case totalBottles = "total_bottles"
        case uniqueWines = "unique_wines"
        case totalWinesTracked = "total_wines_tracked"
        case totalCases = "total_cases"
        case byVintage = "by_vintage"
        case byCountry = "by_country"
        case byGrapeVariety = "by_grape_variety"
        case byWineType = "by_wine_type"
        case byRegion = "by_region"
        case valueAtPurchasePrice = "value_at_purchase_price"
        case drinkingWindow = "drinking_window"
    }

    struct Value: Encodable {
        let byCurrency: [String: Double]
        let bottlesWithoutPrice: Int

        enum CodingKeys: String, CodingKey {
            case byCurrency = "by_currency"
            case bottlesWithoutPrice = "bottles_without_price"
        }
    }

    struct DrinkingWindow: Encodable {
        let year: Int
        let readyNow: Group
        let pastWindow: Group
        let notReady: Group

        enum CodingKeys: String, CodingKey {
            case year
            case readyNow = "ready_now"
            case pastWindow = "past_window"
            case notReady = "not_ready"
        }
    }

    struct Group: Encodable {
        let bottles: Int
        let wines: [WineReferenceResource]

        init(_ count: CellarSummary.WindowCount) {
            bottles = count.bottles
            wines = count.wines.map(WineReferenceResource.init)
        }
    }
}
