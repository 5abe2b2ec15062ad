/// The places, grapes, quality terms and style words WineBox reads wine labels with.
///
/// Loaded from the tab-separated files in `Sources/WineBoxDomain/Resources/Gazetteers` (compiled into the binary;
/// see the README there) and indexed once: every name and synonym is folded (``TextFolding``) and cut into words,
/// so lookups are whole-word, accent- and case-insensitive. Immutable and `Sendable`: share ``standard``.
public struct Gazetteer: Sendable {
    /// Every country, region, sub-region and appellation, in file order (countries first).
    public let places: [GazetteerPlace]
    /// Every grape variety, in file order.
    public let grapes: [GazetteerGrape]
    let classifications: [GazetteerClassification]
    /// Names and synonyms of ``places`` → their indices.
    let placeIndex: PhraseMatcher<Int>
    /// Names and synonyms of ``grapes`` → their indices.
    let grapeIndex: PhraseMatcher<Int>
    /// Patterns of ``classifications`` → their indices.
    let classificationIndex: PhraseMatcher<Int>
    /// Words that say a wine's style ("rosso", "brut", "tawny").
    let wineTypeIndex: PhraseMatcher<WineType>

    /// The gazetteer built from the files compiled into WineBox. Their validity is checked by the tests, so a
    /// failure here is a broken build, not bad input.
    public static let standard: Gazetteer = {
        do {
            return try Gazetteer(
                countries: String(decoding: PackageResources.countries_tsv, as: UTF8.self),
                regions: String(decoding: PackageResources.regions_tsv, as: UTF8.self),
                appellations: String(decoding: PackageResources.appellations_tsv, as: UTF8.self),
                grapes: String(decoding: PackageResources.grapes_tsv, as: UTF8.self),
                classifications: String(decoding: PackageResources.classifications_tsv, as: UTF8.self),
                wineTypes: String(decoding: PackageResources.winetypes_tsv, as: UTF8.self))
        } catch {
            preconditionFailure("The embedded gazetteer files are invalid: \(error)")
        }
    }()

    /// Builds a gazetteer from the texts of its six files (formats in the Gazetteers README).
    ///
    /// - Throws: ``WineBoxError`` `.invalidInput` naming the file and line of the first malformed row, a region or
    ///   appellation whose parent is unknown, or an unknown colour or wine type.
    public init(
        countries: String, regions: String, appellations: String, grapes: String, classifications: String,
        wineTypes: String
    ) throws {
        var loader = GazetteerLoader()
        try loader.loadPlaces(countries: countries, regions: regions, appellations: appellations)
        try loader.loadGrapes(grapes)
        try loader.loadClassifications(classifications)
        try loader.loadWineTypes(wineTypes)
        places = loader.places
        self.grapes = loader.grapes
        self.classifications = loader.classifications
        placeIndex = loader.placeIndex
        grapeIndex = loader.grapeIndex
        classificationIndex = loader.classificationIndex
        wineTypeIndex = loader.wineTypeIndex
    }

    /// The places whose name or a synonym is exactly `text` (any case, with or without accents), most general
    /// first; empty when there is none. "Bordeaux" gives the region and the appellation.
    public func places(named text: String) -> [GazetteerPlace] {
        placeIndex.lookup(text).map { places[$0] }.sorted { $0.level.depth < $1.level.depth }
    }

    /// The grape whose canonical name or a synonym is exactly `text`: "shiraz" gives Syrah. Nil when unknown.
    public func grape(named text: String) -> GazetteerGrape? {
        grapeIndex.lookup(text).first.map { grapes[$0] }
    }
}

extension GazetteerPlace.Level {
    /// 0 for a country, up to 3 for an appellation.
    var depth: Int {
        switch self {
        case .country: 0
        case .region: 1
        case .subRegion: 2
        case .appellation: 3
        }
    }
}
