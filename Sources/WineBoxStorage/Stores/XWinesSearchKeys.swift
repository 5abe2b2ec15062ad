import WineBoxDomain

/// The text that goes into the `xwines_search` FTS5 index, and the FTS5 queries that search it.
///
/// **Three kinds of tokens, never confused.** The words of names, wineries and regions are plain tokens. Each
/// wine's whole name is also one token (its letters and digits, spaces and punctuation removed) that starts with
/// the private-use character U+E001, for the exact and starts-with tiers; and each filter value is a token that
/// starts with U+E000 (`t` + type, `c` + country code, `n` + country name). User words never contain private-use
/// characters, so a search word can only ever match plain words; the index needs no column filters, which lets it
/// keep rowids only (`detail=none`), the smallest and fastest form.
///
/// **User text never reaches FTS5 as syntax.** It is cut into words exactly where the index's tokenizer
/// (`unicode61`, whose token characters are letters, digits, nonspacing marks and private-use characters) cuts, with
/// private-use characters as separators too, and each word becomes a double-quoted FTS5 string. So quotes, `*`,
/// `^`, parentheses, `:` and the keywords AND, OR, NOT and NEAR are plain text, and every quoted string is exactly
/// one token (`detail=none` refuses phrases of several). Case and accents are folded by the tokenizer
/// (`remove_diacritics 2`) on both sides, so the keys here keep them.
enum XWinesSearchKeys {
    /// Starts the token of a filter value.
    static let facetMark = "\u{E000}"
    /// Starts the token of a whole name.
    static let nameMark = "\u{E001}"

    /// True for the characters that the tokenizer keeps inside tokens, private-use ones excluded.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber, .nonspacingMark:
            return true
        default:
            return false
        }
    }

    /// The word characters of `text`, in order: `Château d'Yquem` → `ChâteaudYquem`.
    static func compact(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(isWordScalar))
        return hasLetterOrDigit(scalars) ? String(scalars) : ""
    }

    /// The words of `text`: its runs of word characters that hold at least one letter or digit.
    static func words(_ text: String) -> [String] {
        text.unicodeScalars.split { !isWordScalar($0) }
            .filter(hasLetterOrDigit)
            .map { String(String.UnicodeScalarView($0)) }
    }

    /// The `name_start` column of a wine: its whole name as one token.
    static func nameToken(_ name: String) -> String {
        nameMark + compact(name)
    }

    /// The `facets` column of a wine: a token per filter value.
    static func facets(wineType: String, countryCode: String?, country: String?) -> String {
        var tokens = [facetMark + "t" + compact(wineType)]
        if let code = countryCode.map(compact), !code.isEmpty {
            tokens.append(facetMark + "c" + code)
        }
        if let name = country.map(compact), !name.isEmpty {
            tokens.append(facetMark + "n" + name)
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
            parts.append(literal(facetMark + "t" + key))
        }
        if let country {
            let key = compact(country)
            guard !key.isEmpty else { return .some(nil) }
            parts.append("(\(literal(facetMark + "c" + key)) OR \(literal(facetMark + "n" + key)))")
        }
        return parts.isEmpty ? .none : .some(parts.joined(separator: " AND "))
    }

    /// The three tiers of a text search, as FTS5 expressions.
    struct Tiers {
        /// The whole name equals the text (ignoring case, accents, spaces and punctuation).
        let exact: String
        /// The name starts with the text.
        let prefix: String
        /// Every word of the text starts a word of the name, winery or region.
        let words: String

        /// Nil when the text has no letter or digit.
        init?(text: String) {
            let key = compact(text)
            let words = XWinesSearchKeys.words(text)
            guard !key.isEmpty, !words.isEmpty else { return nil }
            exact = literal(nameMark + key)
            prefix = literal(nameMark + key) + "*"
            self.words = words.map { literal($0) + "*" }.joined(separator: " AND ")
        }
    }

    private static func hasLetterOrDigit(_ scalars: some Sequence<Unicode.Scalar>) -> Bool {
        scalars.contains { $0.properties.generalCategory != .nonspacingMark }
    }
}
