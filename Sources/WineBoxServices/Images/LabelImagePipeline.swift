import WineBoxDomain

/// The CPU-heavy part of storing a label photo: decode, check, orient, scale, strip and re-encode with libvips.
///
/// Synchronous and blocking: ``LabelImageStore`` runs it on its ``WorkerPool``.
///
/// 1. Read the header with the sniffed format's loader only, and refuse images over ``Limits/maxPixels``
///    before a single pixel is decoded (a 30000×30000 PNG of zeros is a few kilobytes).
/// 2. Decode with `fail_on=error`, in order, shrinking JPEGs while decoding when they are far larger than
///    ``Limits/maxLongEdge``, and scale down to that long edge. A truncated or corrupt file fails here.
/// 3. Turn upright from the EXIF orientation, convert to sRGB through any embedded ICC profile.
/// 4. Encode with every metadata block left out (EXIF with its GPS position, XMP, IPTC, ICC, comments): JPEG
///    stays JPEG, PNG PNG, WebP WebP; a GIF becomes a PNG of its first frame. The thumbnail is a JPEG of at most
///    ``Limits/thumbnailLongEdge`` pixels on its long edge, composited on white when the image has transparency.
enum LabelImagePipeline {
    struct Limits: Sendable {
        var maxPixels: Int
        var maxLongEdge: Int
        var thumbnailLongEdge: Int
        var jpegQuality = 85
        var webpQuality = 85
        var thumbnailQuality = 80
    }

    /// Where the bytes are.
    enum Input {
        case bytes(UnsafeRawBufferPointer)
        case file(path: String)
    }

    struct Output: Sendable {
        let format: LabelImageFormat
        let image: [UInt8]
        let width: Int
        let height: Int
        /// The JPEG thumbnail.
        let thumbnail: [UInt8]
    }

    /// The message of every refusal of content that is not a usable image (the earlier WineBox's wording).
    static let invalidContentMessage = "Invalid file content. File does not appear to be a valid image."

    /// Runs the pipeline on input whose first bytes said `format`.
    ///
    /// - Throws: ``VipsFailure`` for anything libvips cannot read completely; ``WineBoxError/Code/badRequest`` for
    ///   images over the pixel limit; ``WineBoxError/Code/unavailable`` when libvips cannot start.
    static func process(_ input: Input, format: LabelImageFormat, limits: Limits) throws -> Output {
        try Vips.start()
        let header = try load(input, format: format, shrink: 1)
        try checkDimensions(width: header.width, height: header.height, limits: limits)

        let upright = try decodeUpright(input, format: format, header: header, limits: limits)

        let storedFormat = format.storedFormat
        let flat = storedFormat == .jpeg && upright.hasAlpha ? try upright.flattenedOnWhite() : upright
        let image = try flat.encoded(
            as: storedFormat, quality: storedFormat == .webp ? limits.webpQuality : limits.jpegQuality)

        let longEdge = max(upright.width, upright.height)
        let small =
            longEdge > limits.thumbnailLongEdge
            ? try upright.resized(by: Double(limits.thumbnailLongEdge) / Double(longEdge)) : upright
        let thumbnail = try small.flattenedOnWhite().encoded(as: .jpeg, quality: limits.thumbnailQuality)
        return Output(
            format: storedFormat, image: image, width: upright.width, height: upright.height, thumbnail: thumbnail)
    }

    /// The checks and decoding of ``process(_:format:limits:)`` without storing anything: the upright image, at most
    /// `longEdge` pixels on its long edge, as a JPEG with no metadata (for label reading).
    static func readable(_ input: Input, format: LabelImageFormat, limits: Limits, longEdge: Int) throws -> [UInt8] {
        try Vips.start()
        let header = try load(input, format: format, shrink: 1)
        try checkDimensions(width: header.width, height: header.height, limits: limits)

        var reading = limits
        reading.maxLongEdge = min(longEdge, limits.maxLongEdge)
        let upright = try decodeUpright(input, format: format, header: header, limits: reading)
        return try upright.flattenedOnWhite().encoded(as: .jpeg, quality: 90)
    }

    /// Refuses empty images and images over the pixel limit, from the header alone.
    static func checkDimensions(width: Int, height: Int, limits: Limits) throws {
        guard width > 0, height > 0 else {
            throw VipsFailure(stage: .header)
        }
        guard width * height <= limits.maxPixels else {
            throw WineBoxError(
                .badRequest,
                "The image is too large: \(width)×\(height) pixels exceeds the limit of "
                    + "\(megapixels(limits.maxPixels)) megapixels")
        }
    }

    /// Decodes every pixel, scaled down to the long-edge limit, upright and in sRGB. Memory holds only the scaled
    /// image: the file is decoded in order, a few rows at a time, straight into the resize.
    private static func decodeUpright(
        _ input: Input, format: LabelImageFormat, header: VipsImageRef, limits: Limits
    ) throws -> VipsImageRef {
        let shrink =
            format == .jpeg ? jpegShrink(longEdge: max(header.width, header.height), target: limits.maxLongEdge) : 1
        var image = shrink > 1 ? try load(input, format: format, shrink: shrink) : header
        let longEdge = max(image.width, image.height)
        if longEdge > limits.maxLongEdge {
            image = try image.resized(by: Double(limits.maxLongEdge) / Double(longEdge))
        }
        return try image.inMemory().autorotated().sRGB()
    }

    /// The JPEG shrink-on-load factor (1, 2, 4 or 8): the largest that still decodes at least `target` pixels on
    /// the long edge, so the final resize only ever scales down.
    static func jpegShrink(longEdge: Int, target: Int) -> Int {
        var shrink = 1
        while shrink < 8 && longEdge / (shrink * 2) >= target {
            shrink *= 2
        }
        return shrink
    }

    /// `pixels` in megapixels, without a fraction when it is whole.
    static func megapixels(_ pixels: Int) -> String {
        pixels % 1_000_000 == 0 ? String(pixels / 1_000_000) : String(Double(pixels) / 1_000_000)
    }

    private static func load(_ input: Input, format: LabelImageFormat, shrink: Int) throws -> VipsImageRef {
        switch input {
        case .bytes(let bytes):
            return try VipsImageRef.load(format, bytes: bytes, shrink: shrink)
        case .file(let path):
            return try VipsImageRef.load(format, path: path, shrink: shrink)
        }
    }
}
