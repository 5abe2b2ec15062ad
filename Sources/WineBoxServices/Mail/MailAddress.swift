/// Checks and masks bare e-mail addresses (`ann@example.com`) for the mail backends.
///
/// The rules are stricter than RFC 5321 on purpose, so that an accepted address can be put into a header or
/// an SMTP command without quoting and can never smuggle in another header: ASCII only, one `@`, a dot-atom
/// local part of 1–64 characters, a domain of letter-digit-hyphen labels (one label, such as `localhost`, is
/// allowed for self-hosted setups), 254 characters at most.
enum MailAddress {
    /// The longest accepted address, in characters (RFC 5321 path limit minus the angle brackets).
    static let maximumLength = 254

    /// Whether `text` is an acceptable bare address.
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count <= maximumLength, let at = bytes.firstIndex(of: UInt8(ascii: "@")) else {
            return false
        }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        return isValidLocalPart(local) && isValidDomain(domain)
    }

    /// A form safe for logs and error messages: the first character of the local part, `***` and the domain
    /// (`a***@example.com`); `***` when there is no `@` or the text is not plain ASCII.
    static func mask(_ text: String) -> String {
        guard let at = text.firstIndex(of: "@"), at != text.startIndex,
            text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x21 && $0.value != 0x7F })
        else {
            return "***"
        }
        return String(text[text.startIndex]) + "***" + String(text[at...])
    }

    /// The part after the `@` (empty when there is none).
    static func domain(of address: String) -> String {
        guard let at = address.lastIndex(of: "@") else {
            return ""
        }
        return String(address[address.index(after: at)...])
    }

    /// Replaces every address-like word in free text (a server's error message) by its masked form.
    static func maskAddresses(in text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "@" else {
                result.append(scalars[index])
                index += 1
                continue
            }
            var start = index
            while start > 0 && isLocalScalar(scalars[start - 1]) {
                start -= 1
            }
            var end = index + 1
            while end < scalars.count && isDomainScalar(scalars[end]) {
                end += 1
            }
            while end > index + 1 && scalars[end - 1] == "." {
                end -= 1
            }
            if start < index && end > index + 1 {
                let address = String(String.UnicodeScalarView(scalars[start..<end]))
                result.removeLast(index - start)
                result.append(contentsOf: mask(address).unicodeScalars)
                index = end
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    private static func isValidLocalPart(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard (1...64).contains(bytes.count), bytes.first != UInt8(ascii: "."), bytes.last != UInt8(ascii: ".") else {
            return false
        }
        var previous: UInt8 = 0
        for byte in bytes {
            guard isAtext(byte) || (byte == UInt8(ascii: ".") && previous != UInt8(ascii: ".")) else {
                return false
            }
            previous = byte
        }
        return true
    }

    private static func isValidDomain(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard (1...253).contains(bytes.count) else {
            return false
        }
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// RFC 5322 `atext`: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
    private static func isAtext(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || Array("!#$%&'*+-/=?^_`{|}~".utf8).contains(byte)
    }

    private static func isLocalScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (isAtext(UInt8(scalar.value)) || scalar == ".")
    }

    private static func isDomainScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (isLetterOrDigit(UInt8(scalar.value)) || scalar == "." || scalar == "-")
    }
}
