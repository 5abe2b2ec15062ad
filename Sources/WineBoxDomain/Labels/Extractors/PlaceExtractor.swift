/// Reads the country, region, sub-region and appellation from the places the gazetteer found.
///
/// The appellation is the best scored one named: written as a designation ("Appellation Margaux Contrôlée",
/// "Barolo DOCG") scores most, a name that is not also a region's ("Pauillac" rather than "Bordeaux") next.
/// An appellation brings its region, sub-region and country; without one, the most specific region named does.
/// The country is the one the label says the wine is a product of ("Product of France", "Made in USA"), else
/// the appellation's or region's, else any country named.
struct PlaceExtractor {
    struct Result {
        var appellation: GazetteerPlace?
        var region: String?
        var subRegion: String?
        var country: String?
    }

    /// Words around a name that mark it as a protected designation (folded).
    private static let designationWords: Set = [
        "appellation", "controlee", "protegee", "aoc", "aop", "doc", "docg", "do", "doca", "dop", "igt", "igp",
        "dac", "ava", "denominazione", "denominacion", "denominacao", "origine", "origen", "origem", "regional",
        "tierra", "indicazione", "controllata", "garantita", "calificada", "controlada",
    ]
    /// Words before a country that say the wine was made there.
    private static let productWords: Set = [
        "product", "produce", "produit", "prodotto", "producto", "produto", "made", "erzeugnis", "produced", "wine",
        "vin", "vino", "vinho", "wein",
    ]

    let analysis: LabelAnalysis

    func extract() -> Result {
        let places = analysis.gazetteer.places
        var productOf: String?
        var mentioned: String?
        for match in analysis.places {
            guard let country = match.payloads.lazy.map({ places[$0] }).first(where: { $0.level == .country }) else {
                continue
            }
            mentioned = mentioned ?? country.name
            if productOf == nil, analysis.before(match.range.lowerBound, within: 2, in: Self.productWords) {
                productOf = country.name
            }
        }
        let country = productOf ?? mentioned
        var result = Result()
        if let appellation = best(.appellation, preferring: country) {
            result.appellation = appellation
            result.region = appellation.region
            result.subRegion = appellation.subRegion
            result.country = productOf ?? appellation.country
        } else if let area = best(.subRegion, preferring: country) ?? best(.region, preferring: country) {
            result.region = area.region
            result.subRegion = area.subRegion
            result.country = productOf ?? area.country
        } else {
            result.country = country
        }
        return result
    }

    /// The best scored place of `level` named on the label, or nil.
    private func best(_ level: GazetteerPlace.Level, preferring country: String?) -> GazetteerPlace? {
        let places = analysis.gazetteer.places
        var best: (place: GazetteerPlace, score: Int)?
        for match in analysis.places {
            let candidates = match.payloads.map { places[$0] }
            for place in candidates where place.level == level {
                var score = 1
                if isDesignated(match.range) { score += 4 }
                if level == .appellation, !candidates.contains(where: { $0.level != .appellation }) { score += 2 }
                if let country {
                    score += place.country == country ? 1 : -3
                }
                if score > (best?.score ?? Int.min) {
                    best = (place, score)
                }
            }
        }
        return best?.place
    }

    private func isDesignated(_ range: Range<Int>) -> Bool {
        analysis.before(range.lowerBound, within: 3, in: Self.designationWords)
            || analysis.after(range.upperBound - 1, within: 2, in: Self.designationWords)
    }
}
