import Foundation
import WineBoxDomain

/// The JSON answers of ``XWinesRoutes``. Optional values are written as `null`, never left out, so clients of
/// the earlier WineBox find every key.
extension XWinesRoutes {
    struct SearchAnswer: Encodable {
        let results: [SearchResult]
        let total: Int
        let skip: Int
        let limit: Int
    }

    /// A wine in a list of search results.
    struct SearchResult: Encodable {
        let wine: XWinesWine

        init(_ wine: XWinesWine) {
            self.wine = wine
        }

        enum CodingKeys: String, CodingKey {
            case id, name, winery
            case wineType = "wine_type"
            case country
            case countryCode = "country_code"
            case region, abv
            case averageRating = "avg_rating"
            case ratingCount = "rating_count"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(wine.id, forKey: .id)
            try container.encode(wine.name, forKey: .name)
            try container.encode(wine.wineryName, forKey: .winery)
            try container.encode(wine.wineType, forKey: .wineType)
            try container.encode(wine.country, forKey: .country)
            try container.encode(wine.countryCode, forKey: .countryCode)
            try container.encode(wine.regionName, forKey: .region)
            try container.encode(wine.abv, forKey: .abv)
            try container.encode(wine.averageRating, forKey: .averageRating)
            try container.encode(wine.ratingCount, forKey: .ratingCount)
        }
    }

    /// A reference wine in full.
    struct Detail: Encodable {
        let wine: XWinesWine

        init(_ wine: XWinesWine) {
            self.wine = wine
        }

        enum CodingKeys: String, CodingKey {
            case id, name
            case wineType = "wine_type"
            case elaborate, grapes, harmonize, abv, body, acidity
            case countryCode = "country_code"
            case country
            case regionID = "region_id"
            case regionName = "region_name"
            case wineryID = "winery_id"
            case wineryName = "winery_name"
            case website, vintages
            case averageRating = "avg_rating"
            case ratingCount = "rating_count"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(wine.id, forKey: .id)
            try container.encode(wine.name, forKey: .name)
            try container.encode(wine.wineType, forKey: .wineType)
            try container.encode(wine.elaborate, forKey: .elaborate)
            try container.encode(wine.grapes, forKey: .grapes)
            try container.encode(wine.harmonize, forKey: .harmonize)
            try container.encode(wine.abv, forKey: .abv)
            try container.encode(wine.body, forKey: .body)
            try container.encode(wine.acidity, forKey: .acidity)
            try container.encode(wine.countryCode, forKey: .countryCode)
            try container.encode(wine.country, forKey: .country)
            try container.encode(wine.regionID, forKey: .regionID)
            try container.encode(wine.regionName, forKey: .regionName)
            try container.encode(wine.wineryID, forKey: .wineryID)
            try container.encode(wine.wineryName, forKey: .wineryName)
            try container.encode(wine.website, forKey: .website)
            try container.encode(wine.vintages, forKey: .vintages)
            try container.encode(wine.averageRating, forKey: .averageRating)
            try container.encode(wine.ratingCount, forKey: .ratingCount)
        }
    }

    /// `GET /api/xwines/stats`: the live number of wines, and what the last import recorded (the number of
    /// ratings, the version, the date and the file; 0 and `null` before the first import).
    struct Stats: Encodable {
        let metadata: XWinesMetadata?
        let wineCount: Int

        enum CodingKeys: String, CodingKey {
            case wineCount = "wine_count"
            case ratingCount = "rating_count"
            case version
            case importDate = "import_date"
            case source
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(wineCount, forKey: .wineCount)
            try container.encode(metadata?.ratingCount ?? 0, forKey: .ratingCount)
            try container.encode(metadata?.variant.rawValue, forKey: .version)
            try container.encode(metadata?.importDate, forKey: .importDate)
            try container.encode(metadata?.source, forKey: .source)
        }
    }

    struct Country: Encodable {
        let code: String
        let name: String
        let count: Int

        init(_ country: XWinesCountry) {
            code = country.code
            name = country.name
            count = country.count
        }
    }
}
