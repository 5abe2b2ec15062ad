/// One label photo as sent to Claude: the bytes of an image the caller has already scaled down (with libvips) and
/// its format, which gives the media type.
///
/// The Messages API accepts JPEG, PNG, GIF and WebP images up to 5 MiB each; it scales down anything over about
/// 1568 pixels on the long edge itself, so larger images only cost upload time. A JPEG of that size is a few
/// hundred kilobytes.
public struct ClaudeLabelImage: Sendable, Equatable {
    /// The largest image accepted, in bytes: 3.75 MiB, so that even its base64 form (a third larger) stays within
    /// the Messages API's 5 MiB per image.
    public static let maximumBytes = 5 * 1024 * 1024 / 4 * 3

    public let bytes: [UInt8]
    public let format: LabelImageFormat

    /// Wraps `bytes` of `format`.
    ///
    /// - Throws: ``ClaudeError`` `.invalidImage` when `bytes` is empty, over ``maximumBytes``, or does not start
    ///   with the signature of `format`.
    public init(bytes: [UInt8], format: LabelImageFormat) throws(ClaudeError) {
        guard !bytes.isEmpty, bytes.count <= Self.maximumBytes else {
            throw ClaudeError(
                .invalidImage, "A label image for Claude must be 1 byte to 3.75 MiB, got \(bytes.count) bytes")
        }
        guard LabelImageFormat.sniff(bytes) == format else {
            throw ClaudeError(.invalidImage, "The label image's bytes are not \(format.contentType)")
        }
        self.bytes = bytes
        self.format = format
    }

    /// The media type sent with the image: `image/jpeg`, `image/png`, `image/gif` or `image/webp`.
    public var mediaType: String { format.contentType }
}
