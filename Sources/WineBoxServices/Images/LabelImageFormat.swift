import CVips

/// The image formats accepted for label photos, recognised by their first bytes alone.
///
/// The client's file name and declared content type are never consulted: a file is a JPEG because it starts like
/// one, and libvips then has to decode it completely with that format's loader.
public enum LabelImageFormat: String, Sendable, CaseIterable {
    case jpeg
    case png
    case gif
    case webp

    /// How many leading bytes ``sniff(_:)`` needs at most.
    static let sniffLength = 12

    /// The format whose signature `header` starts with, or nil.
    ///
    /// JPEG `FF D8 FF`; PNG `89 50 4E 47 0D 0A 1A 0A`; GIF `GIF87a`/`GIF89a`; WebP `RIFF`, four size bytes, `WEBP`.
    public static func sniff(_ header: some Collection<UInt8>) -> LabelImageFormat? {
        let bytes = Array(header.prefix(sniffLength))
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            return .jpeg
        }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return .png
        }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) {
            return .gif
        }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return .webp
        }
        return nil
    }

    /// The format a label of this format is stored in: the same one, except GIF, stored as PNG (first frame).
    public var storedFormat: LabelImageFormat {
        self == .gif ? .png : self
    }

    /// The file extension WineBox gives files of this format.
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .gif: "gif"
        case .webp: "webp"
        }
    }

    /// The media type, for `Content-Type`.
    public var contentType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .gif: "image/gif"
        case .webp: "image/webp"
        }
    }

    /// The format's code in the CVips shim.
    var vipsCode: Int32 {
        switch self {
        case .jpeg: Int32(WINEBOX_VIPS_JPEG.rawValue)
        case .png: Int32(WINEBOX_VIPS_PNG.rawValue)
        case .gif: Int32(WINEBOX_VIPS_GIF.rawValue)
        case .webp: Int32(WINEBOX_VIPS_WEBP.rawValue)
        }
    }
}
