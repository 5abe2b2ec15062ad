/// One reference wine proposed for a label, with how sure the match is and what it rests on.
public struct XWinesMatch: Sendable, Hashable {
    public let wine: XWinesWine
    /// 0...1: mostly how much of the wine's name and winery was found on the label, with the region, type,
    /// alcohol and country as tie-breakers (see ``XWinesMatcher``).
    public let score: Double
    /// What matched, strongest first.
    public let evidence: [XWinesMatchEvidence]

    public init(wine: XWinesWine, score: Double, evidence: [XWinesMatchEvidence]) {
        self.wine = wine
        self.score = score
        self.evidence = evidence
    }
}

/// One thing a label and a reference wine agree on.
public struct XWinesMatchEvidence: Sendable, Hashable {
    /// Which field of the reference wine agreed.
    public enum Field: String, Sendable, Hashable {
        case name
        case winery
        case region
        case country
        case wineType = "wine_type"
        case alcohol
    }

    public let field: Field
    /// The reference wine's word (folded) or value, such as `valduga`, `red` or `13.0`.
    public let reference: String
    /// What the label gave for it: the OCR word (folded) or the parsed value.
    public let label: String
    /// 0...1: 1 for the same word or value, less for a misspelt or partly read word.
    public let similarity: Double

    public init(field: Field, reference: String, label: String, similarity: Double) {
        self.field = field
        self.reference = reference
        self.label = label
        self.similarity = similarity
    }
}
