/// The words WineBox sends Claude with the label photos: a system prompt describing the task and the JSON object
/// wanted, and a short instruction after the images.
///
/// The keys asked for are the ones ``ClaudeLabelAnswer`` reads; a key Claude adds is ignored, one it leaves out
/// counts as null.
enum ClaudeLabelPrompt {
    /// The system prompt: the role, the JSON object with every key and its type, and how to treat doubt.
    static let system = """
        You read the labels of wine bottles for a cellar inventory. You are given a photo of the front label and \
        sometimes one of the back label. Reply with exactly one JSON object and nothing else: no prose, no \
        Markdown. Use null for anything the labels do not show or that you cannot read with confidence; never \
        guess a name, producer or number that is not printed. If several bottles appear, describe the one in front.

        The object has these keys:
        - "name": string, the wine's own name or cuvée as printed (without the vintage).
        - "winery": string, the producer, château, domaine or estate.
        - "vintage": integer, the harvest year; null for a non-vintage wine.
        - "grape_variety": string, the single grape, or the main grape of a blend.
        - "grape_varieties": array of {"name": string, "percentage": number or null}, every grape named, in \
        label order; [] when none is named.
        - "region": string, the wider wine region (such as "Bordeaux", "Napa Valley", "Mosel").
        - "sub_region": string, a named area inside the region (such as "Médoc", "Rutherford").
        - "appellation": string, the protected designation (AOC/AOP, DOC, DOCG, DO, AVA …), such as "Margaux".
        - "country": string, the country in English.
        - "classification": string, a quality tier printed on the label, such as "Grand Cru Classé", \
        "Premier Cru", "Riserva", "Gran Reserva", "Spätlese", "Kabinett".
        - "alcohol_percentage": number, alcohol by volume in percent (13.5 for "13.5% vol").
        - "wine_type": one of "red", "white", "rosé", "sparkling", "dessert", "fortified", "other"; infer it from \
        the grapes, the appellation or the colour when the label does not say.
        - "bottle_size_ml": integer, the volume in millilitres (750 for "75 cl").
        - "drink_from", "drink_until": integers, the years of a drinking window printed on the label.
        - "front_label_text": string, every piece of text readable on the front label, small print included, \
        with line breaks kept.
        - "back_label_text": string, the same for the back label; null without a back label.
        """

    /// The text after the images: what to do with them.
    static func instruction(hasBackLabel: Bool) -> String {
        let photos = hasBackLabel ? "these front and back label photos" : "this front label photo"
        return "Read \(photos) of one wine and answer with the JSON object only."
    }

    /// The caption before the front image.
    static let frontCaption = "Front label:"
    /// The caption before the back image.
    static let backCaption = "Back label:"
}
