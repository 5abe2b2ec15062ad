/// Reads the list cells of the X-Wines CSV files, which hold a Python list as Python prints it:
/// `['Merlot']`, `['Beef', "Nero d'Avola"]`, `[2020, 2019, 'N.V.']`, `[]`.
///
/// Strings may use single or double quotes with Python's backslash escapes (`\\`, `\'`, `\"`, `\n`, `\t`, `\r`,
/// `\xHH`, `\uHHHH`, `\UHHHHHHHH`); numbers are integers (decimals are kept as text); a trailing comma is allowed.
/// JSON arrays of strings and integers are accepted too, since they are the same text.
public enum PythonList {
    /// One element of a list.
    public enum Item: Sendable, Hashable {
        case text(String)
        case integer(Int)
    }

    /// Parses `text`; an empty or blank cell is the empty list. Returns nil when the text is not such a list.
    public static func parse(_ text: String) -> [Item]? {
        var reader = Reader(Array(text.unicodeScalars))
        reader.skipSpaces()
        if reader.isAtEnd {
            return []
        }
        guard reader.take("[") else { return nil }
        var items: [Item] = []
        reader.skipSpaces()
        while !reader.take("]") {
            guard let item = reader.item() else { return nil }
            items.append(item)
            reader.skipSpaces()
            if reader.take(",") {
                reader.skipSpaces()
            } else if reader.peek != "]" {
                return nil
            }
        }
        reader.skipSpaces()
        return reader.isAtEnd ? items : nil
    }

    /// Parses `text` and keeps the text items in order (integers are written out), or nil when it is no list.
    public static func strings(_ text: String) -> [String]? {
        parse(text)?.map { item in
            switch item {
            case .text(let value): return value
            case .integer(let value): return String(value)
            }
        }
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        var isAtEnd: Bool { index >= scalars.count }
        var peek: Unicode.Scalar? { isAtEnd ? nil : scalars[index] }

        mutating func skipSpaces() {
            while let scalar = peek, scalar.properties.isWhitespace {
                index += 1
            }
        }

        mutating func take(_ scalar: Unicode.Scalar) -> Bool {
            guard peek == scalar else { return false }
            index += 1
            return true
        }

        mutating func item() -> Item? {
            guard let first = peek else { return nil }
            if first == "'" || first == "\"" {
                index += 1
                return string(closedBy: first).map(Item.text)
            }
            return number()
        }

        mutating func number() -> Item? {
            var text = ""
            while let scalar = peek, scalar == "-" || scalar == "." || ("0"..."9").contains(scalar) {
                text.unicodeScalars.append(scalar)
                index += 1
            }
            if let integer = Int(text) {
                return .integer(integer)
            }
            return Double(text) != nil ? .text(text) : nil
        }

        mutating func string(closedBy delimiter: Unicode.Scalar) -> String? {
            var result = String.UnicodeScalarView()
            while let scalar = peek {
                index += 1
                if scalar == delimiter {
                    return String(result)
                }
                guard scalar == "\\" else {
                    result.append(scalar)
                    continue
                }
                guard let escaped = peek else { return nil }
                index += 1
                switch escaped {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                case "\\", "'", "\"": result.append(escaped)
                case "x":
                    guard let code = hexadecimal(2) else { return nil }
                    result.append(code)
                case "u":
                    guard let code = hexadecimal(4) else { return nil }
                    result.append(code)
                case "U":
                    guard let code = hexadecimal(8) else { return nil }
                    result.append(code)
                default:
                    result.append("\\")
                    result.append(escaped)
                }
            }
            return nil
        }

        mutating func hexadecimal(_ digits: Int) -> Unicode.Scalar? {
            guard index + digits <= scalars.count else { return nil }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[index..<index + digits])
            index += digits
            return UInt32(text, radix: 16).flatMap(Unicode.Scalar.init)
        }
    }
}
