/// Decides the wine's style: from words that say it ("rosso", "brut", "tawny", "late harvest"), else from an
/// appellation that makes one style only when that style is sparkling, fortified, dessert or rosé (Champagne,
/// Porto, Sauternes, Tavel), else from the dominant grape's colour, else from the appellation's red or white.
struct WineTypeInference {
    /// When a label has several style words, the first type in this order wins: a "Brut Rosé" is sparkling, a
    /// "Tawny Port" fortified, a "Late Harvest Riesling" dessert.
    private static let precedence: [WineType] = [.fortified, .sparkling, .dessert, .rose, .red, .white]

    let analysis: LabelAnalysis
    let appellation: GazetteerPlace?
    let dominantGrape: String?

    func infer() -> WineType? {
        let said = Set(analysis.wineTypes.flatMap(\.payloads))
        if let type = Self.precedence.first(where: { said.contains($0) }) {
            return type
        }
        let hint = appellation?.wineType
        if let hint, hint != .red, hint != .white {
            return hint
        }
        if let dominantGrape, let grape = analysis.gazetteer.grape(named: dominantGrape) {
            return grape.colour
        }
        return hint
    }
}
