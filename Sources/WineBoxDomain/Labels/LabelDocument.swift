/// Label text cut into lines and words, the form every extractor reads.
///
/// A word (``Token``) is a run of letters or a run of digits: "13.5%" is the words "13" and "5", "750ml" is
/// "750" and "ml", "Gevrey-Chambertin" is "gevrey" and "chambertin". Each word keeps its text as written and its
/// folded form (``TextFolding``), so matching is whole-word, accent- and case-insensitive by construction, while the
/// characters between words (".", "%", "-", "°") stay available through ``separator(before:)``.
struct LabelDocument {
    /// One non-empty line of the text, trimmed.
    struct Line {
        let text: String
        let scalars: [Unicode.Scalar]
        /// The indices of its words in ``LabelDocument/tokens``.
        var tokens: Range<Int>
    }

    /// One word.
    struct Token {
        let folded: String
        let original: String
        let line: Int
        /// Offsets in the line's scalars: `start` inclusive, `end` exclusive.
        let start: Int
        let end: Int
        /// True when the word is made of ASCII digits only.
        let isNumber: Bool

        /// The number the word spells, when it is a number of at most nine digits.
        var integer: Int? { isNumber && original.utf8.count <= 9 ? Int(original) : nil }
    }

    /// Text beyond this many scalars is ignored, so a huge paste costs bounded time.
    static let scalarLimit = 40_000

    let lines: [Line]
    let tokens: [Token]

    init(_ text: String) {
        var lines: [Line] = []
        var tokens: [Token] = []
        var current: [Unicode.Scalar] = []
        var seen = 0
        for scalar in text.unicodeScalars {
            seen += 1
            if seen > Self.scalarLimit { break }
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" {
                Self.close(&current, into: &lines, tokens: &tokens)
            } else {
                current.append(scalar)
            }
        }
        Self.close(&current, into: &lines, tokens: &tokens)
        self.lines = lines
        self.tokens = tokens
    }

    /// The characters between word `index` and the word before it on the same line (or the line's start).
    func separator(before index: Int) -> String {
        let token = tokens[index]
        let line = lines[token.line]
        let from = index > line.tokens.lowerBound ? tokens[index - 1].end : 0
        return gap(in: line, from: from, to: token.start)
    }

    /// The characters between word `index` and the word after it on the same line (or the line's end).
    func separator(after index: Int) -> String {
        let token = tokens[index]
        let line = lines[token.line]
        let to = index + 1 < line.tokens.upperBound ? tokens[index + 1].start : line.scalars.count
        return gap(in: line, from: token.end, to: to)
    }

    /// True when words `first` and `second` stand on the same line.
    func sameLine(_ first: Int, _ second: Int) -> Bool {
        first >= 0 && second >= 0 && first < tokens.count && second < tokens.count
            && tokens[first].line == tokens[second].line
    }

    /// The folded word at `index`, or nil outside the text.
    func folded(_ index: Int) -> String? {
        index >= 0 && index < tokens.count ? tokens[index].folded : nil
    }

    /// A decimal number starting at word `index`: "13", "13.5", "0,75". Returns the value and the index of the
    /// last word it used.
    func decimal(at index: Int) -> (value: Double, last: Int)? {
        guard index < tokens.count, tokens[index].isNumber, tokens[index].original.utf8.count <= 6,
            let whole = Double(tokens[index].original)
        else { return nil }
        let next = index + 1
        guard sameLine(index, next), tokens[next].isNumber, tokens[next].original.utf8.count <= 3 else {
            return (whole, index)
        }
        let between = separator(before: next)
        guard between == "." || between == ",", let fraction = Double("0." + tokens[next].original) else {
            return (whole, index)
        }
        return (whole + fraction, next)
    }

    private func gap(in line: Line, from: Int, to: Int) -> String {
        var text = ""
        if from < to {
            text.unicodeScalars.append(contentsOf: line.scalars[from..<to])
        }
        return text
    }

    /// Trims the scalars of one line and, when anything is left, adds it and its words.
    private static func close(_ scalars: inout [Unicode.Scalar], into lines: inout [Line], tokens: inout [Token]) {
        defer { scalars.removeAll(keepingCapacity: true) }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return }
        let trimmed = Array(scalars[first...last])
        var text = ""
        text.unicodeScalars.append(contentsOf: trimmed)
        let lineIndex = lines.count
        let firstToken = tokens.count
        LabelTokenizer.scan(trimmed) { start, end, isNumber in
            var original = ""
            original.unicodeScalars.append(contentsOf: trimmed[start..<end])
            tokens.append(
                Token(
                    folded: TextFolding.fold(original), original: original, line: lineIndex, start: start, end: end,
                    isNumber: isNumber))
        }
        lines.append(Line(text: text, scalars: trimmed, tokens: firstToken..<tokens.count))
    }
}
