import WineBoxDomain

/// Turns label photo bytes into the grey image Tesseract reads best, with libvips.
///
/// Synchronous and blocking: ``LabelTextReader`` runs it on its OCR worker threads.
///
/// 1. Sniff the format from the first bytes (JPEG, PNG, GIF, WebP), read the header with that format's loader
///    only, and refuse images over ``maxPixels`` before any pixel is decoded.
/// 2. Decode (large JPEGs shrink while decoding), turn upright from the EXIF orientation, convert to grey
///    (transparency over white).
/// 3. Scale so the long side is ``LabelOCRStrategy/minLongEdge`` pixels when it is shorter (bottle photos are often
///    480 × 640, where label text is too small for Tesseract) and ``LabelOCRStrategy/maxLongEdge`` when it is
///    longer (more pixels only cost time).
/// 4. Stretch the contrast: the darkest 1 % of pixels black, the brightest 1 % white.
enum LabelOCRPreprocessor {
    /// The grey image, in memory, ready to be rotated and read.
    struct Prepared {
        let image: VipsImageRef
        var width: Int { image.width }
        var height: Int { image.height }
    }

    /// The largest accepted image, in pixels (width × height), as for uploads.
    static let maxPixels = 40_000_000

    /// The message for bytes that are not an image libvips can read.
    static let notAnImageMessage = "The file is not a readable image (JPEG, PNG, GIF or WebP)"

    /// Decodes and prepares `bytes`.
    ///
    /// - Throws: ``WineBoxError`` `.badRequest` for bytes that are not a complete JPEG, PNG, GIF or WebP image, or
    ///   an image over ``maxPixels``; `.unavailable` when libvips cannot be loaded.
    static func prepare(_ bytes: [UInt8], strategy: LabelOCRStrategy) throws -> Prepared {
        guard let format = LabelImageFormat.sniff(bytes.prefix(LabelImageFormat.sniffLength)) else {
            throw WineBoxError(.badRequest, notAnImageMessage)
        }
        try Vips.start()
        do {
            return try bytes.withUnsafeBytes { buffer in
                try prepare(buffer, format: format, strategy: strategy)
            }
        } catch is VipsFailure {
            throw WineBoxError(.badRequest, notAnImageMessage)
        }
    }

    /// The grey, upright, scaled, contrast-stretched image of `format` `bytes`, all in memory.
    private static func prepare(
        _ bytes: UnsafeRawBufferPointer, format: LabelImageFormat, strategy: LabelOCRStrategy
    ) throws -> Prepared {
        let minLongEdge = strategy.minLongEdge
        let maxLongEdge = strategy.maxLongEdge
        let header = try VipsImageRef.load(format, bytes: bytes)
        let limits = LabelImagePipeline.Limits(maxPixels: maxPixels, maxLongEdge: maxLongEdge, thumbnailLongEdge: 0)
        try LabelImagePipeline.checkDimensions(width: header.width, height: header.height, limits: limits)
        let headerLongEdge = max(header.width, header.height)
        let shrink = format == .jpeg ? LabelImagePipeline.jpegShrink(longEdge: headerLongEdge, target: maxLongEdge) : 1
        let decoded = shrink > 1 ? try VipsImageRef.load(format, bytes: bytes, shrink: shrink) : header
        var image = try decoded.inMemory().autorotated().grey()
        let longEdge = max(image.width, image.height)
        if longEdge < minLongEdge {
            image = try image.resized(by: Double(minLongEdge) / Double(longEdge))
        } else if longEdge > maxLongEdge {
            image = try image.resized(by: Double(maxLongEdge) / Double(longEdge))
        }
        image = try image.inMemory()
        if strategy.stretchesContrast {
            image = try image.contrastStretched(lowPercent: 1, highPercent: 99)
        }
        if strategy.sharpens {
            image = try image.sharpened()
        }
        return Prepared(image: try image.inMemory())
    }

    /// The pixels of `prepared` turned clockwise by `quarterTurns` × 90 degrees, with their size.
    static func pixels(
        of prepared: Prepared, quarterTurns: Int
    ) throws -> (pixels: [UInt8], width: Int, height: Int) {
        let image = quarterTurns % 4 == 0 ? prepared.image : try prepared.image.rotated(quarterTurns: quarterTurns)
        return (try image.pixelBytes(), image.width, image.height)
    }
}
