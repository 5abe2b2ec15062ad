import Foundation

/// The encodings of RFC 2045 and RFC 2047 that outgoing messages need: quoted-printable bodies, encoded
/// words for non-ASCII header text, quoted display names and folded header lines. All output uses CRLF.
enum MIMEEncoding {
    /// The longest encoded line of a quoted-printable body, soft-break `=` included (RFC 2045 §6.7).
    static let quotedPrintableLineLength = 76
    /// The longest header line WineBox writes before folding (RFC 5322 §2.1.1 recommends 78).
    static let headerLineLength = 78
    /// The most UTF-8 bytes in one `=?UTF-8?B?…?=` word, so that the word stays within 75 characters.
    static let encodedWordBytes = 45

    /// Encodes `text` (as UTF-8) in quoted-printable with CRLF line breaks.
    ///
    /// Line breaks may be `\n`, `\r\n` or `\r` and all become CRLF; spaces and tabs before a line break and
    /// every byte outside printable ASCII are encoded; long lines get soft breaks.
    static func quotedPrintable(_ text: String) -> String {
        var output = ""
        for (lineIndex, line) in normalisedLines(text).enumerated() {
            if lineIndex > 0 {
                output += "\r\n"
            }
            let bytes = Array(line.utf8)
            var lineLength = 0
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let literal =
                    (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                    || ((byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) && !isLast)
                let token = literal ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
                // Keep one column for the soft break `=` unless this token ends the line.
                let limit = isLast ? quotedPrintableLineLength : quotedPrintableLineLength - 1
                if lineLength + token.count > limit {
                    output += "=\r\n"
                    lineLength = 0
                }
                output += token
                lineLength += token.count
            }
        }
        return output
    }

    /// `text` split at `\r\n`, `\n` and `\r`.
    static func normalisedLines(_ text: String) -> [Substring] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Whether `text` is printable ASCII only (space to `~`).
    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// `text` as RFC 2047 `B` encoded words of at most ``encodedWordBytes`` bytes each, never splitting a
    /// character, separated by a folding CRLF and space.
    static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if !chunk.isEmpty && chunk.count + bytes.count > encodedWordBytes {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty {
            words.append(encodedWord(chunk))
        }
        return words.joined(separator: "\r\n ")
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    /// An unstructured header value (the subject): folded at spaces when it is ASCII, encoded words when not.
    ///
    /// - Parameter nameLength: the length of `Name: ` before the value on the first line.
    static func unstructuredHeader(_ text: String, nameLength: Int) -> String {
        guard isPrintableASCII(text), !text.contains("=?") else {
            return encodedWords(text)
        }
        return fold(text, firstLineUsed: nameLength)
    }

    /// A display name as an RFC 5322 phrase: as it is when it is made of atoms, a quoted string when it has
    /// other printable ASCII, encoded words when it has anything else.
    static func displayName(_ name: String) -> String {
        guard isPrintableASCII(name), !name.contains("=?") else {
            return encodedWords(name)
        }
        let atomSpecials = Set("()<>[]:;@\\,.\"")
        if !name.contains(where: { atomSpecials.contains($0) }) && !name.hasPrefix(" ") && !name.hasSuffix(" ") {
            return name
        }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"" + escaped + "\""
    }

    /// Folds ASCII text at spaces so that lines stay within ``headerLineLength`` where a space allows it.
    static func fold(_ text: String, firstLineUsed: Int) -> String {
        var output = ""
        var used = firstLineUsed
        for (index, word) in text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if index > 0 {
                if used + 1 + word.count > headerLineLength {
                    output += "\r\n "
                    used = 1
                } else {
                    output += " "
                    used += 1
                }
            }
            output += word
            used += word.count
        }
        return output
    }
}
