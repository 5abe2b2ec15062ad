import Foundation

/// The words that X-Wines matching compares: label text and reference names cut into folded words.
///
/// Folding: lower case, accents removed (the letters of `é`, `ñ`, `ü` lose their marks, as the `xwines_search`
/// index's tokenizer does with `remove_diacritics 2`), and every character that is not a letter or digit is a
/// separator, so `Weis-St. Urbans-Hof` gives `weis`, `st`, `urbans`, `hof` and `d'Alba` gives `d`, `alba`. Letters
/// without marks to remove (`ß`, `ø`, Greek, Cyrillic) are kept as they are.
///
/// Pure functions; safe from any thread.
public enum XWinesMatchWords {
    /// The folded words of `text`, in order, repeats kept.
    public static func folded(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark:
                continue
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
                current.append(scalar)
            default:
                if !current.isEmpty {
                    words.append(String(current))
                    current.removeAll()
                }
            }
        }
        if !current.isEmpty {
            words.append(String(current))
        }
        return words
    }

    /// The folded words of `text` without repeats, in order of first appearance.
    public static func distinctFolded(_ text: String) -> [String] {
        var seen: Set<String> = []
        return folded(text).filter { seen.insert($0).inserted }
    }

    /// The words to compare for a label's text, without repeats, in order: each folded word of two or more
    /// characters, its reading with look-alike digits as letters (`lf0g` → `lfog`), and each word joined with the
    /// next one or two pieces where OCR may have split a word (`campol a rgo` → `campolargo`, `mercou ri` →
    /// `mercouri`): letters only, pieces of at most 6 letters, joined words of at most 16. Stop words join too, as
    /// OCR reads a lone letter of a word as `a` or `e`.
    public static func labelWords(_ text: String) -> [String] {
        let folded = folded(text)
        var result: [String] = []
        var seen: Set<String> = []
        func add(_ word: String) {
            if word.unicodeScalars.count >= 2 && seen.insert(word).inserted {
                result.append(word)
            }
        }
        for (index, word) in folded.enumerated() {
            add(word)
            if let reading = digitsAsLetters(word) {
                add(reading)
            }
            var joined = word
            for next in folded[(index + 1)...].prefix(2) {
                let length = next.unicodeScalars.count
                guard length <= 6, joined.unicodeScalars.count + length <= 16,
                    (joined + next).unicodeScalars.allSatisfy({ $0.properties.isAlphabetic })
                else { break }
                joined += next
                add(joined)
            }
        }
        return result
    }

    /// Words that say nothing about which wine it is: articles and prepositions of the wine languages, and "wine"
    /// itself. They are never searched for and weigh nothing in a match.
    public static let stopWords: Set<String> = [
        "a", "al", "and", "au", "aux", "d", "da", "das", "de", "dei", "del", "della", "delle", "der", "des", "di",
        "die", "do", "dos", "du", "e", "el", "en", "et", "il", "l", "la", "las", "le", "les", "lo", "los", "of", "the",
        "und", "vin", "vinho", "vino", "vins", "wein", "wine", "wines", "y",
    ]

    /// True for a word worth comparing: at least two characters, at least one of them a letter, not a stop word.
    public static func isSignificant(_ word: String) -> Bool {
        word.unicodeScalars.count >= 2 && word.unicodeScalars.contains { $0.properties.isAlphabetic }
            && !stopWords.contains(word)
    }

    /// The word as OCR probably meant it when it mixes letters with digits that look like letters (`lf0g` →
    /// `lfog`, `5ant1` → `santl`), or nil when it has no such digit or fewer than two letters.
    static func digitsAsLetters(_ word: String) -> String? {
        let scalars = word.unicodeScalars
        let letters = scalars.filter { $0.properties.isAlphabetic }.count
        guard letters >= 2, letters < scalars.count else { return nil }
        var result = String.UnicodeScalarView()
        for scalar in scalars {
            switch scalar {
            case "0": result.append("o")
            case "1": result.append("l")
            case "5": result.append("s")
            case "8": result.append("b")
            default:
                guard scalar.properties.isAlphabetic else { return nil }
                result.append(scalar)
            }
        }
        return String(result)
    }
}
