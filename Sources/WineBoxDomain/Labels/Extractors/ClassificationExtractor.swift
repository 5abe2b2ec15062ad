/// Reads the quality tier: of the terms named (whole words only, so "Barolo" is never "Beerenauslese"), the one
/// listed first in classifications.tsv, where the specific tiers come before the general designations.
struct ClassificationExtractor {
    let analysis: LabelAnalysis

    func extract() -> String? {
        let classifications = analysis.gazetteer.classifications
        let ranks = analysis.classifications.flatMap(\.payloads)
        return ranks.min().map { classifications[$0].name }
    }
}
