import Foundation
import WineBoxDomain
import WineBoxSupport

/// Claude's answer text turned into label fields, each checked on its own.
///
/// The text may be the JSON object alone, or wrapped in a Markdown fence (```` ``` ```` or ```` ```json ````), or
/// with a sentence around it (the outermost `{…}` is taken). A field that is missing, null, empty or a placeholder
/// such as "unknown" is nil; a field of the wrong type or out of range is nil too and listed in
/// ``droppedFields``, while every other field is kept. Limits: texts up to `WineDetails.shortTextLimit` (200)
/// characters, the name up to `WineDetails.nameLimit` (500), the label texts up to `WineDetails.labelTextLimit`
/// (10,000); vintage 1800 to next year; alcohol 0.5-25 %; bottle 50-30,000 ml; drinking years 1800-2300, the first
/// not after the last; grape shares above 0 and at most 100 %, together at most 100 %; at most 20 grapes.
struct ClaudeLabelAnswer: Equatable, Sendable {
    var fields: LabelFields
    var frontLabelText: String?
    var backLabelText: String?
    var droppedFields: [String]

    /// The most grapes kept from `grape_varieties`.
    static let maximumGrapes = 20

    /// Reads the answer `text`; `currentYear` bounds the vintage (injected, so tests do not depend on the date).
    ///
    /// - Throws: ``ClaudeError`` `.malformedAnswer` when the text holds no JSON object, or when not one field of it
    ///   is usable (every field null or refused, and no label text).
    static func parse(_ text: String, currentYear: Int) throws(ClaudeError) -> ClaudeLabelAnswer {
        guard let object = jsonObject(in: text) else {
            throw ClaudeError(.malformedAnswer, "Claude's answer is not the JSON object asked for")
        }
        var reader = ClaudeAnswerFieldReader(object: object)
        var fields = LabelFields()
        fields.name = reader.text("name", limit: WineDetails.nameLimit)
        fields.winery = reader.text("winery", limit: WineDetails.shortTextLimit)
        fields.vintage = reader.integer("vintage", in: 1800...(currentYear + 1))
        fields.grapes = reader.grapes("grape_varieties", limit: maximumGrapes)
        fields.grapeVariety =
            reader.text("grape_variety", limit: WineDetails.shortTextLimit) ?? dominantGrape(of: fields.grapes)
        fields.region = reader.text("region", limit: WineDetails.shortTextLimit)
        fields.subRegion = reader.text("sub_region", limit: WineDetails.shortTextLimit)
        fields.appellation = reader.text("appellation", limit: WineDetails.shortTextLimit)
        fields.country = reader.text("country", limit: WineDetails.shortTextLimit)
        fields.classification = reader.text("classification", limit: WineDetails.shortTextLimit)
        fields.alcoholPercentage = reader.decimal("alcohol_percentage", in: 0.5...25)
        fields.wineType = reader.wineType("wine_type")
        fields.bottleSizeML = reader.bottleSize("bottle_size_ml", in: WineDetails.bottleSizeRange)
        fields.drinkFrom = reader.integer("drink_from", in: WineDetails.drinkYearRange)
        fields.drinkUntil = reader.integer("drink_until", in: WineDetails.drinkYearRange)
        if let from = fields.drinkFrom, let until = fields.drinkUntil, until < from {
            fields.drinkFrom = nil
            fields.drinkUntil = nil
            reader.dropped += ["drink_from", "drink_until"]
        }
        let front = reader.text("front_label_text", limit: WineDetails.labelTextLimit, multiline: true)
        let back = reader.text("back_label_text", limit: WineDetails.labelTextLimit, multiline: true)
        guard !fields.isEmpty || front != nil || back != nil else {
            throw ClaudeError(.malformedAnswer, "Claude's answer has no usable field")
        }
        return ClaudeLabelAnswer(
            fields: fields, frontLabelText: front, backLabelText: back, droppedFields: reader.dropped)
    }

    /// The JSON object in `text`: inside a Markdown fence if there is one, else the whole text, else (when the text
    /// is not JSON at all) its outermost braces. Nil when there is no JSON object, or the JSON is not an object.
    static func jsonObject(in text: String) -> [String: JSONValue]? {
        let candidate = unfenced(text)
        if let value = JSONValue.parse(candidate) {
            guard case .object(let object) = value else {
                return nil
            }
            return object
        }
        guard let open = candidate.firstIndex(of: "{"), let close = candidate.lastIndex(of: "}"), open < close,
            case .object(let object)? = JSONValue.parse(String(candidate[open...close]))
        else {
            return nil
        }
        return object
    }

    /// The inside of the first Markdown code fence in `text` (its language tag removed), or `text` itself.
    static func unfenced(_ text: String) -> String {
        guard let open = text.range(of: "```") else {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let body = text[open.upperBound...].drop { $0.isLetter }
        let end = body.range(of: "```")?.lowerBound ?? body.endIndex
        return body[..<end].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The grape with the largest share, else the first named; nil without grapes.
    private static func dominantGrape(of grapes: [BlendComponent]) -> String? {
        let largest = grapes.filter { $0.percentage != nil }.max { ($0.percentage ?? 0) < ($1.percentage ?? 0) }
        return (largest ?? grapes.first)?.grape
    }
}
