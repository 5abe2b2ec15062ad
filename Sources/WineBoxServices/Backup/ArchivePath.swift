/// The names a WineBox backup archive may hold, and how to show names that break the rules.
///
/// A safe path is one or more components joined by `/`, at most ``maximumLength`` bytes in all. A safe component
/// has 1 to 255 characters from `A-Z a-z 0-9 . _ -` and does not start with a dot. So no path is absolute, none
/// contains `.` or `..`, an empty component, a backslash, a space or a non-ASCII character: extracting a safe
/// path below a directory can only ever create a file inside that directory.
public enum ArchivePath {
    /// The longest safe path, in bytes.
    public static let maximumLength = 1_024

    /// True when `path` is a safe relative path (see the type's description).
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, path.utf8.count <= maximumLength else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { isSafeComponent($0) }
    }

    /// True when `name` is a safe single path component (a file or folder name).
    public static func isSafeComponent(_ name: some StringProtocol) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, first != UInt8(ascii: "."), bytes.count <= 255 else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                return true
            default:
                return false
            }
        }
    }

    /// `name` quoted for a message: control characters and non-ASCII bytes become `?`, and names over 200
    /// characters are cut short with `…`.
    public static func printable(_ name: String) -> String {
        let cleaned = name.unicodeScalars.prefix(200).map { scalar -> Character in
            (0x20..<0x7F).contains(scalar.value) ? Character(scalar) : "?"
        }
        return "'" + String(cleaned) + (name.unicodeScalars.count > 200 ? "…'" : "'")
    }
}
