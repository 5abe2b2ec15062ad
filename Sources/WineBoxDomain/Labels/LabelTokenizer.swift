/// Finds the words of one line: runs of letters, or runs of ASCII digits, never both.
enum LabelTokenizer {
    /// Calls `word` with the scalar offsets (start inclusive, end exclusive) of each word, and whether it is a number.
    static func scan(_ scalars: [Unicode.Scalar], word: (Int, Int, Bool) -> Void) {
        var start: Int?
        var startIsDigit = false
        for (offset, scalar) in scalars.enumerated() {
            let kind = kind(of: scalar)
            if let open = start {
                switch kind {
                case .mark:
                    continue
                case .digit where startIsDigit, .letter where !startIsDigit:
                    continue
                default:
                    word(open, offset, startIsDigit)
                    start = nil
                }
            }
            if start == nil, kind == .digit || kind == .letter {
                start = offset
                startIsDigit = kind == .digit
            }
        }
        if let open = start {
            word(open, scalars.count, startIsDigit)
        }
    }

    private enum Kind {
        case letter
        case digit
        case mark
        case other
    }

    private static func kind(of scalar: Unicode.Scalar) -> Kind {
        switch scalar.value {
        case 0x30...0x39: return .digit
        case 0x41...0x5A, 0x61...0x7A: return .letter
        case 0..<0x80: return .other
        case 0x300...0x36F: return .mark
        case 0xAA, 0xBA: return .other  // ordinal indicators, which OCR gives for "°"
        default: return scalar.properties.isAlphabetic ? .letter : .other
        }
    }
}
