import WineBoxDomain

/// The text that goes into the `xwines_search` FTS5 index, and the FTS5 queries that search it.
///
/// User text never reaches FTS5 as syntax: it is cut into words of letters and digits, and each word becomes a
/// double-quoted string (FTS5's literal), so quotes, `*`, `^`, parentheses and the keywords AND, OR, NOT and NEAR
/// are plain text. Case and accents are folded by the index's tokenizer (`unicode61 remove_diacritics 2`) on both
/// sides, so the keys here keep them.
enum XWinesSearchKeys {
    /// The letters and digits of `text`, in order: `Château d'Yquem` → `ChâteaudYquem`. As one FTS5 token it
    /// matches names exactly or by prefix, ignoring spaces and punctuation.
    static func compact(_ text: String) -> String {
        String(text.filter { $0.isLetter || $0.isNumber })
    }

    /// The words of `text`: its runs of letters and digits.
    static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The `facets` column of a wine: a token per filter value.
    static func facets(of wine: (wineType: String, countryCode: String?, country: String?)) -> String {
        var tokens = ["t" + compact(wine.wineType)]
        if let code = wine.countryCode.map(compact), !code.isEmpty {
            tokens.append("c" + code)
        }
        if let name = wine.country.map(compact), !name.isEmpty {
            tokens.append("n" + name)
        }
        return tokens.joined(separator: " ")
    }

    /// `text` as an FTS5 string literal.
    static func literal(_ text: String) -> String {
        var result = "\""
        for character in text {
            result += character == "\"" ? "\"\"" : String(character)
        }
        return result + "\""
    }

    /// The FTS5 filter for a query's type and country, or nil without filters. A filter without any letter or
    /// digit can match nothing; it gives `.some(nil)`.
    static func filter(wineType: String?, country: String?) -> String?? {
        var parts: [String] = []
        if let wineType {
            let key = compact(wineType)
            guard !key.isEmpty else { return .some(nil) }
            parts.append("facets : \(literal("t" + key))")
        }
        if let country {
            let key = compact(country)
            guard !key.isEmpty else { return .some(nil) }
            parts.append("facets : (\(literal("c" + key)) OR \(literal("n" + key)))")
        }
        return parts.isEmpty ? .none : .some(parts.joined(separator: " AND "))
    }

    /// The three tiers of a text search, as FTS5 expressions; nil when the text has no letter or digit.
    struct Tiers {
        /// The whole name equals the text (ignoring case, accents, spaces and punctuation).
        let exact: String
        /// The name starts with the text.
        let prefix: String
        /// Every word of the text starts a word of the name, winery or region.
        let words: String

        init?(text: String) {
            let key = compact(text)
            let words = Self.prefixWords(text)
            guard !key.isEmpty, !words.isEmpty else { return nil }
            exact = "name_start : \(literal(key))"
            prefix = "name_start : \(literal(key))*"
            self.words = "{name winery_name region_name} : (\(words))"
        }

        private static func prefixWords(_ text: String) -> String {
            XWinesSearchKeys.words(text).map { XWinesSearchKeys.literal($0) + "*" }.joined(separator: " ")
        }
    }
}
