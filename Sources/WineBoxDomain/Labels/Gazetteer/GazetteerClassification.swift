/// A quality tier of the gazetteer ("Grand Cru", "Spätlese", "DOCG").
struct GazetteerClassification: Sendable, Equatable {
    /// The name shown to people.
    let name: String
    /// The country the term belongs to, when only one uses it.
    let country: String?
    /// The row of the file: a lower rank is the more specific term and wins when a label names several.
    let rank: Int
}
