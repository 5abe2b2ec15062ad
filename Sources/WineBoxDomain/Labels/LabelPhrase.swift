/// Turns a run of words of one line back into text fit to show: the words as written with what stands between
/// them, stray symbols trimmed from both ends, spaces collapsed, and a line written all in capitals put in title
/// case ("CHÂTEAU DE LA TOUR" → "Château de la Tour").
enum LabelPhrase {
    /// Short words kept in lower case inside a title-cased name.
    private static let particles: Set = [
        "de", "du", "des", "la", "le", "les", "di", "del", "della", "dei", "da", "do", "dos", "das", "von", "van",
        "der", "den", "y", "e", "et", "and", "of", "en", "al", "am", "im", "zu", "d", "l",
    ]

    /// The text of words `range` (indices in `document.tokens`, all on one line); nil when it has no letters.
    static func text(_ range: Range<Int>, in document: LabelDocument) -> String? {
        guard let first = range.first, let last = range.last else { return nil }
        let line = document.lines[document.tokens[first].line]
        var raw = ""
        raw.unicodeScalars.append(contentsOf: line.scalars[document.tokens[first].start..<document.tokens[last].end])
        let collapsed = collapsingSpaces(raw)
        guard collapsed.contains(where: \.isLetter) else { return nil }
        let letters = collapsed.filter(\.isLetter)
        guard letters.count >= 4, letters == letters.uppercased() else { return collapsed }
        return titleCased(range, in: document)
    }

    private static func titleCased(_ range: Range<Int>, in document: LabelDocument) -> String {
        var result = ""
        for index in range {
            let token = document.tokens[index]
            if index > range.lowerBound {
                result += collapsingSpaces(document.separator(before: index))
            }
            let lower = token.original.lowercased()
            if index > range.lowerBound, particles.contains(token.folded) {
                result += lower
            } else {
                result += lower.prefix(1).uppercased() + lower.dropFirst()
            }
        }
        return result
    }

    /// `text` with every run of white space made one space.
    private static func collapsingSpaces(_ text: String) -> String {
        var result = ""
        var inSpace = false
        for character in text {
            if character.isWhitespace {
                if !inSpace { result.append(" ") }
                inSpace = true
            } else {
                result.append(character)
                inSpace = false
            }
        }
        return result
    }
}
