import Foundation

/// Folds text for comparing what OCR read with what a label says: lower case, accents removed, split into runs of
/// letters and digits.
enum OCRTextFolding {
    /// The folded words of `text`: "Clos des Bois, 1994" → ["clos", "des", "bois", "1994"].
    static func words(_ text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .lowercased()
            .split { !$0.isLetter && !$0.isNumber }
            .map(String.init)
    }
}
