import Foundation

/// What describes a wine, as people enter and edit it. Every text is trimmed; empty optional texts are nil.
///
/// ``validated()`` enforces the limits the API promises, naming the field in the error.
public struct WineDetails: Sendable, Equatable {
    public var name: String
    public var winery: String?
    /// Nil for a non-vintage wine.
    public var vintage: Int?
    public var wineType: WineType?
    public var grapeVariety: String?
    public var country: String?
    public var region: String?
    public var subRegion: String?
    public var appellation: String?
    public var classification: String?
    /// Alcohol by volume, in percent (0–100).
    public var alcoholPercentage: Double?
    /// Bottle size in millilitres; 750 unless said otherwise.
    public var bottleSizeML: Int
    /// First and last year of the drinking window (inclusive).
    public var drinkFrom: Int?
    public var drinkUntil: Int?
    public var notes: String
    /// Text read from the labels (by OCR or typed in).
    public var frontLabelText: String
    public var backLabelText: String
    /// Details of the household's own, by name ("Cellar book page": "12"); the earlier WineBox's `custom_fields`.
    public var customFields: [String: String]

    public init(
        name: String, winery: String? = nil, vintage: Int? = nil, wineType: WineType? = nil,
        grapeVariety: String? = nil, country: String? = nil, region: String? = nil, subRegion: String? = nil,
        appellation: String? = nil, classification: String? = nil, alcoholPercentage: Double? = nil,
        bottleSizeML: Int = 750, drinkFrom: Int? = nil, drinkUntil: Int? = nil, notes: String = "",
        frontLabelText: String = "", backLabelText: String = "", customFields: [String: String] = [:]
    ) {
        self.name = name
        self.winery = winery
        self.vintage = vintage
        self.wineType = wineType
        self.grapeVariety = grapeVariety
        self.country = country
        self.region = region
        self.subRegion = subRegion
        self.appellation = appellation
        self.classification = classification
        self.alcoholPercentage = alcoholPercentage
        self.bottleSizeML = bottleSizeML
        self.drinkFrom = drinkFrom
        self.drinkUntil = drinkUntil
        self.notes = notes
        self.frontLabelText = frontLabelText
        self.backLabelText = backLabelText
        self.customFields = customFields
    }

    /// Longest accepted name, in characters.
    public static let nameLimit = 500
    /// Longest accepted winery, grape, place or classification, in characters.
    public static let shortTextLimit = 200
    /// Longest accepted notes, in characters.
    public static let notesLimit = 5000
    /// Longest accepted label text, in characters.
    public static let labelTextLimit = 10_000
    /// Accepted vintages and drinking-window years.
    public static let yearRange = 1800...2100
    public static let drinkYearRange = 1800...2300
    public static let bottleSizeRange = 50...30_000
    /// At most this many custom fields, names of at most `customFieldNameLimit` characters, values of at most
    /// `customFieldValueLimit`.
    public static let customFieldCount = 50
    public static let customFieldNameLimit = 100
    public static let customFieldValueLimit = 1000

    /// The details with texts trimmed and limits checked.
    ///
    /// - Throws: ``WineBoxError`` `.invalidInput` naming the first field that breaks a rule.
    public func validated() throws -> WineDetails {
        var copy = self
        copy.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !copy.name.isEmpty else {
            throw WineBoxError(.invalidInput, "name must not be empty")
        }
        try FieldRules.checkLength(copy.name, field: "name", limit: Self.nameLimit)
        copy.winery = try FieldRules.optionalText(winery, field: "winery", limit: Self.shortTextLimit)
        copy.grapeVariety = try FieldRules.optionalText(
            grapeVariety, field: "grape_variety", limit: Self.shortTextLimit)
        copy.country = try FieldRules.optionalText(country, field: "country", limit: Self.shortTextLimit)
        copy.region = try FieldRules.optionalText(region, field: "region", limit: Self.shortTextLimit)
        copy.subRegion = try FieldRules.optionalText(subRegion, field: "sub_region", limit: Self.shortTextLimit)
        copy.appellation = try FieldRules.optionalText(appellation, field: "appellation", limit: Self.shortTextLimit)
        copy.classification = try FieldRules.optionalText(
            classification, field: "classification", limit: Self.shortTextLimit)
        copy.notes = try FieldRules.optionalText(notes, field: "notes", limit: Self.notesLimit) ?? ""
        copy.frontLabelText =
            try FieldRules.optionalText(frontLabelText, field: "front_label_text", limit: Self.labelTextLimit) ?? ""
        copy.backLabelText =
            try FieldRules.optionalText(backLabelText, field: "back_label_text", limit: Self.labelTextLimit) ?? ""
        copy.customFields = try Self.validatedCustomFields(customFields)
        try FieldRules.checkRange(vintage, field: "vintage", range: Self.yearRange)
        try FieldRules.checkRange(drinkFrom, field: "drink_window_start", range: Self.drinkYearRange)
        try FieldRules.checkRange(drinkUntil, field: "drink_window_end", range: Self.drinkYearRange)
        try FieldRules.checkRange(bottleSizeML, field: "bottle_size_ml", range: Self.bottleSizeRange)
        if let alcoholPercentage, !(0...100).contains(alcoholPercentage) || !alcoholPercentage.isFinite {
            throw WineBoxError(.invalidInput, "alcohol_percentage must be from 0 to 100")
        }
        if let drinkFrom, let drinkUntil, drinkFrom > drinkUntil {
            throw WineBoxError(.invalidInput, "drink_window_start must not be after drink_window_end")
        }
        return copy
    }

    /// Names and values trimmed; a blank name or too many, too long entries refused.
    private static func validatedCustomFields(_ fields: [String: String]) throws -> [String: String] {
        guard fields.count <= customFieldCount else {
            throw WineBoxError(.invalidInput, "custom_fields may hold at most \(customFieldCount) fields")
        }
        var trimmed: [String: String] = [:]
        for (name, value) in fields {
            let key = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty else {
                throw WineBoxError(.invalidInput, "custom_fields names must not be empty")
            }
            try FieldRules.checkLength(key, field: "custom_fields names", limit: customFieldNameLimit)
            let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
            try FieldRules.checkLength(text, field: "custom_fields values", limit: customFieldValueLimit)
            trimmed[key] = text
        }
        return trimmed
    }
}
