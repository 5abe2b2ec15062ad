import Foundation
import WineBoxDomain
import WineBoxSupport

/// Reads the fields of Claude's JSON object one at a time, remembering which ones it had to refuse.
///
/// Every accessor returns nil for a missing key, `null`, an empty text or a placeholder such as "unknown" (not
/// refused: the label simply did not say), and nil plus an entry in ``dropped`` for a value of the wrong type or
/// out of range. Numbers may come as JSON numbers or as text such as `"13,5 % vol"` or `"75 cl"`.
struct ClaudeAnswerFieldReader {
    /// Texts that mean "not known" rather than a value, compared in lower case.
    static let placeholders: Set<String> = [
        "unknown", "n/a", "na", "none", "null", "nil", "not visible", "not specified", "not stated", "-", "—", "?",
    ]

    let object: [String: JSONValue]
    /// The keys refused so far, in the order checked.
    var dropped: [String] = []

    init(object: [String: JSONValue]) {
        self.object = object
    }

    /// A text of at most `limit` Unicode scalars after cleaning: white space trimmed, control characters removed,
    /// and on one line unless `multiline` (then line breaks are kept, `\r\n` becoming `\n`).
    mutating func text(_ key: String, limit: Int, multiline: Bool = false) -> String? {
        switch object[key] {
        case nil, .null?:
            return nil
        case .string(let raw)?:
            return checkedText(raw, key: key, limit: limit, multiline: multiline)
        default:
            dropped.append(key)
            return nil
        }
    }

    /// A whole number in `range`.
    mutating func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let number = number(key, units: [:]) else {
            return nil
        }
        guard number.rounded() == number, number >= Double(range.lowerBound), number <= Double(range.upperBound)
        else {
            dropped.append(key)
            return nil
        }
        return Int(number)
    }

    /// A number in `range`; a text may end in `%` or `% vol`.
    mutating func decimal(_ key: String, in range: ClosedRange<Double>) -> Double? {
        guard let number = number(key, units: ["% vol": 1, "%vol": 1, "vol": 1, "%": 1]) else {
            return nil
        }
        guard range.contains(number) else {
            dropped.append(key)
            return nil
        }
        return number
    }

    /// A volume in millilitres, whole and in `range`; a text may end in `ml`, `cl` or `l`.
    mutating func bottleSize(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let millilitres = number(key, units: ["ml": 1, "cl": 10, "l": 1000]) else {
            return nil
        }
        let whole = millilitres.rounded()
        guard abs(whole - millilitres) < 0.001, whole >= Double(range.lowerBound), whole <= Double(range.upperBound)
        else {
            dropped.append(key)
            return nil
        }
        return Int(whole)
    }

    /// One of the wine types, read loosely (`rose`, `Rosé`, `port`; see `WineType(loose:)`).
    mutating func wineType(_ key: String) -> WineType? {
        guard let text = text(key, limit: 40) else {
            return nil
        }
        guard let type = WineType(loose: text) else {
            dropped.append(key)
            return nil
        }
        return type
    }

    /// The grapes of `grape_varieties`: objects `{"name", "percentage"}` or plain names. A grape whose name is
    /// unusable is left out (`key[i]`); a share that is not above 0 and at most 100 is removed from its grape
    /// (`key[i].percentage`); shares adding up to more than 100 % are all removed (`key.percentage`).
    mutating func grapes(_ key: String, limit: Int) -> [BlendComponent] {
        guard let value = object[key], value != .null else {
            return []
        }
        guard case .array(let elements) = value else {
            dropped.append(key)
            return []
        }
        var grapes: [BlendComponent] = []
        for (index, element) in elements.enumerated() {
            let path = "\(key)[\(index)]"
            guard index < limit else {
                dropped.append(path)
                continue
            }
            switch element {
            case .string(let name):
                if let name = checkedText(name, key: path, limit: WineDetails.shortTextLimit, multiline: false) {
                    grapes.append(BlendComponent(grape: name, percentage: nil))
                }
            case .object(let fields):
                var inner = ClaudeAnswerFieldReader(object: fields)
                let name = inner.text("name", limit: WineDetails.shortTextLimit)
                let share = inner.number("percentage", units: ["%": 1])
                guard let name else {
                    dropped.append(path)
                    continue
                }
                let validShare = share.flatMap { $0 > 0 && $0 <= 100 ? $0 : nil }
                if share != nil && validShare == nil || inner.dropped.contains("percentage") {
                    dropped.append(path + ".percentage")
                }
                grapes.append(BlendComponent(grape: name, percentage: validShare))
            case .null:
                continue
            default:
                dropped.append(path)
            }
        }
        if grapes.compactMap(\.percentage).reduce(0, +) > 100.5 {
            grapes = grapes.map { BlendComponent(grape: $0.grape, percentage: nil) }
            dropped.append(key + ".percentage")
        }
        return grapes
    }

    /// The number at `key`: a JSON number, or a text that is a number once one of `units`' suffixes is removed (and
    /// multiplied by its factor), with `,` as decimal separator allowed. Nil for a missing key, null or a
    /// placeholder; nil and dropped for anything else that is not a finite number.
    private mutating func number(_ key: String, units: [String: Double]) -> Double? {
        switch object[key] {
        case nil, .null?:
            return nil
        case .number(let number)?:
            return number
        case .string(let raw)?:
            var text = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if text.isEmpty || Self.placeholders.contains(text) {
                return nil
            }
            var factor = 1.0
            for (suffix, multiplier) in units.sorted(by: { $0.key.count > $1.key.count }) where text.hasSuffix(suffix) {
                text = String(text.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
                factor = multiplier
                break
            }
            let normalized = text.replacingOccurrences(of: ",", with: ".")
            guard let number = Double(normalized), number.isFinite else {
                dropped.append(key)
                return nil
            }
            return number * factor
        default:
            dropped.append(key)
            return nil
        }
    }

    private mutating func checkedText(_ raw: String, key: String, limit: Int, multiline: Bool) -> String? {
        let text = Self.cleaned(raw, multiline: multiline)
        if text.isEmpty || Self.placeholders.contains(text.lowercased()) {
            return nil
        }
        guard text.unicodeScalars.count <= limit else {
            dropped.append(key)
            return nil
        }
        return text
    }

    /// `raw` without control characters; on one line, white space runs become one space.
    static func cleaned(_ raw: String, multiline: Bool) -> String {
        if multiline {
            let unified = raw.replacingOccurrences(of: "\r\n", with: "\n")
            let kept = unified.unicodeScalars.filter { $0 == "\n" || $0 == "\t" || !isControl($0) }
            return String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let words = raw.unicodeScalars.split { $0.properties.isWhitespace || isControl($0) }
        return words.map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
    }
}
