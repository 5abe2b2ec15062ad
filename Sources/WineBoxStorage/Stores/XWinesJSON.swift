internal import Foundation
import WineBoxDomain

/// The JSON arrays of the `xwines_wine` table (`grapes`, `harmonize`, `vintages`).
///
/// Writing is hand-made rather than `JSONEncoder`, because an import writes three arrays for each of 100,000
/// wines; the output is plain JSON (strings escaped per RFC 8259) that any JSON reader, SQLite's included, reads.
enum XWinesJSON {
    static func array(_ strings: [String]) -> String {
        "[" + strings.map(quoted).joined(separator: ",") + "]"
    }

    static func array(_ vintages: [XWinesVintage]) -> String {
        let items = vintages.map { vintage in
            switch vintage {
            case .year(let year): return String(year)
            case .label(let label): return quoted(label)
            }
        }
        return "[" + items.joined(separator: ",") + "]"
    }

    static func strings(_ text: String) throws -> [String] {
        try JSONDecoder().decode([String].self, from: Data(text.utf8))
    }

    static func vintages(_ text: String) throws -> [XWinesVintage] {
        try JSONDecoder().decode([XWinesVintage].self, from: Data(text.utf8))
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
