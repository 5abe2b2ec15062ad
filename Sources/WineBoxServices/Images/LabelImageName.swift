/// A file name the label store generates, and the strict check of names that arrive in URLs.
///
/// Images are `<uuid>.<ext>` (`ext` one of `jpg`, `png`, `webp`) and their thumbnails `<uuid>.thumb.jpg`, with
/// the UUID in lower case. Nothing else parses: no other extension, no upper case, no path separators, no dots
/// beyond these, so a name that parses can be joined to the store's directory as it is.
struct LabelImageName: Hashable, Sendable {
    /// The lower-case UUID both files of an image share.
    let id: String
    /// The image's format, or nil for its thumbnail.
    let format: LabelImageFormat?

    static let thumbnailSuffix = ".thumb.jpg"

    var isThumbnail: Bool { format == nil }

    /// The name on disk.
    var fileName: String {
        if let format {
            return "\(id).\(format.fileExtension)"
        }
        return id + Self.thumbnailSuffix
    }

    /// The thumbnail of the same image.
    var thumbnail: LabelImageName { LabelImageName(id: id, format: nil) }

    /// The content type the file is served with.
    var contentType: String { (format ?? .jpeg).contentType }

    init(id: String, format: LabelImageFormat?) {
        self.id = id
        self.format = format
    }

    /// Parses a name this store could have generated; nil for anything else.
    init?(_ name: String) {
        let utf8 = Array(name.utf8)
        guard utf8.count > 36, Self.isLowercaseUUID(utf8[0..<36]) else {
            return nil
        }
        let id = String(decoding: utf8[0..<36], as: UTF8.self)
        let rest = String(decoding: utf8[36...], as: UTF8.self)
        if rest == Self.thumbnailSuffix {
            self.init(id: id, format: nil)
            return
        }
        let stored = LabelImageFormat.allCases.filter { $0.storedFormat == $0 }
        guard let format = stored.first(where: { "." + $0.fileExtension == rest }) else {
            return nil
        }
        self.init(id: id, format: format)
    }

    /// Whether `bytes` is a UUID in its canonical lower-case form `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.
    static func isLowercaseUUID(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count == 36 else {
            return false
        }
        for (offset, byte) in bytes.enumerated() {
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                guard byte == UInt8(ascii: "-") else {
                    return false
                }
            } else {
                guard
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                        || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                else {
                    return false
                }
            }
        }
        return true
    }
}
