/// Folds text for comparisons that ignore case and accents: "Château" and "CHATEAU" both become "chateau".
///
/// Latin letters lose their accents ("é" → "e", "ä" → "a", "ñ" → "n"); a few letters become two ("ß" → "ss",
/// "æ" → "ae", "œ" → "oe", "þ" → "th"), so "Großes Gewächs" folds to "grosses gewachs". Typographic quotes
/// and dashes become their ASCII forms. Other scripts (Greek, Cyrillic) are only lower-cased. The result is meant
/// for matching, never for display. Pure and thread-safe; linear in the length of the text.
public enum TextFolding {
    /// The folded form of `text`.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { isASCIIUpper($0) ? $0 + 32 : $0 }, as: UTF8.self)
        }
        var folded = ""
        folded.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            append(scalar, to: &folded)
        }
        return folded
    }

    /// Appends the folded form of one scalar.
    static func append(_ scalar: Unicode.Scalar, to folded: inout String) {
        let value = scalar.value
        switch value {
        case 0x41...0x5A:
            folded.unicodeScalars.append(Unicode.Scalar(value + 32)!)
        case 0..<0x80:
            folded.unicodeScalars.append(scalar)
        case 0xC0..<0x180:
            folded += latinTable[Int(value - 0xC0)]
        case 0x218, 0x219:
            folded += "s"
        case 0x21A, 0x21B:
            folded += "t"
        case 0x300...0x36F:
            break  // combining accents of decomposed text
        case 0x2018, 0x2019, 0x201B, 0x2032, 0xB4, 0x60:
            folded += "'"
        case 0x201C, 0x201D, 0x201E, 0x2033, 0xAB, 0xBB:
            folded += "\""
        case 0x2010...0x2015, 0x2212:
            folded += "-"
        case 0xFB01:
            folded += "fi"
        case 0xFB02:
            folded += "fl"
        case 0xA0, 0x2000...0x200A, 0x202F:
            folded += " "
        default:
            folded += String(scalar).lowercased()
        }
    }

    private static func isASCIIUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// The folded forms of U+00C0 to U+017F (Latin-1 Supplement letters and Latin Extended-A), one entry a scalar.
    private static let latinTable: [String] = """
        a a a a a a ae c e e e e i i i i d n o o o o o × o u u u u y th ss
        a a a a a a ae c e e e e i i i i d n o o o o o ÷ o u u u u y th y
        a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g
        g g g g h h h h i i i i i i i i i i ij ij j j k k k l l l l l l l
        l l l n n n n n n n n n o o o o o o oe oe r r r r r r s s s s s s
        s s t t t t t t u u u u u u u u u u u u w w y y y z z z z z z s
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
}
