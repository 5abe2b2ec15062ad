import Foundation
import WineBoxTesting

/// A received RFC 5322 message taken apart for assertions: unfolded headers, and the decoded parts of a
/// `multipart/alternative` body (or the single body). Decodes just what WineBox sends: quoted-printable
/// bodies and RFC 2047 `B` words.
struct ParsedMail {
    /// Header fields in order, unfolded, values not decoded.
    let headers: [(name: String, value: String)]
    /// The body parts: content type (without parameters) → decoded text.
    let parts: [(contentType: String, headers: [(name: String, value: String)], text: String)]

    init(_ raw: String) throws {
        guard let split = raw.range(of: "\r\n\r\n") else {
            throw SocketError("no blank line after the headers")
        }
        headers = Self.headerFields(String(raw[..<split.lowerBound]))
        let body = String(raw[split.upperBound...])
        let contentType = headers.first { $0.name.lowercased() == "content-type" }?.value ?? ""
        if contentType.hasPrefix("multipart/"), let boundary = Self.parameter("boundary", in: contentType) {
            var parts: [(String, [(name: String, value: String)], String)] = []
            let sections = body.components(separatedBy: "\r\n--\(boundary)")
            // sections[0] is the preamble; the last one starts with "--" (the closing delimiter).
            for section in sections.dropFirst() where !section.hasPrefix("--") {
                let trimmed =
                    section.hasPrefix("\r\n") ? String(decoding: section.utf8.dropFirst(2), as: UTF8.self) : section
                guard let end = trimmed.range(of: "\r\n\r\n") else {
                    throw SocketError("a part without a blank line")
                }
                let partHeaders = Self.headerFields(String(trimmed[..<end.lowerBound]))
                let type = partHeaders.first { $0.name.lowercased() == "content-type" }?.value ?? ""
                let text = Self.decodeQuotedPrintable(String(trimmed[end.upperBound...]))
                parts.append((String(type.prefix { $0 != ";" }), partHeaders, text))
            }
            self.parts = parts
        } else {
            // The message ends with the CRLF that terminates its last line; it is not part of the text.
            let text = body.hasSuffix("\r\n") ? String(decoding: body.utf8.dropLast(2), as: UTF8.self) : body
            parts = [(String(contentType.prefix { $0 != ";" }), [], Self.decodeQuotedPrintable(text))]
        }
    }

    /// The first header called `name` (case-insensitive), unfolded but not decoded.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The decoded text of the part with `contentType`.
    func part(_ contentType: String) -> String? {
        parts.first { $0.contentType == contentType }?.text
    }

    static func headerFields(_ block: String) -> [(name: String, value: String)] {
        let unfolded = block.replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: " ")
        return unfolded.components(separatedBy: "\r\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":") else {
                return nil
            }
            return (String(line[..<colon]), String(line[line.index(after: colon)...].dropFirst()))
        }
    }

    static func parameter(_ name: String, in value: String) -> String? {
        guard let range = value.range(of: "\(name)=\"") else {
            return nil
        }
        return String(value[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Quoted-printable to text: soft breaks removed, `=XX` decoded, CRLF line breaks turned into LF.
    static func decodeQuotedPrintable(_ text: String) -> String {
        let bytes = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "="), index + 2 < bytes.count,
                let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                output.append(value)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// Decodes the RFC 2047 `=?UTF-8?B?…?=` words of an unfolded header value; other text stays.
    static func decodeEncodedWords(_ value: String) -> String {
        var result = ""
        var pendingSpace = ""
        var previousWasEncoded = false
        for token in value.split(separator: " ", omittingEmptySubsequences: false) {
            if token.hasPrefix("=?UTF-8?B?"), token.hasSuffix("?="),
                let data = Data(base64Encoded: String(token.dropFirst(10).dropLast(2)))
            {
                // Space between two encoded words is not part of the text (RFC 2047 §6.2).
                result += previousWasEncoded ? "" : pendingSpace
                result += String(decoding: data, as: UTF8.self)
                previousWasEncoded = true
            } else {
                result += pendingSpace + token
                previousWasEncoded = false
            }
            pendingSpace = " "
        }
        return result
    }
}
