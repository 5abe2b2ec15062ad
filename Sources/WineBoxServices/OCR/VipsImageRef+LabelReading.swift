import CVips

/// The libvips operations label reading needs: grey, contrast, rotation, pixels for Tesseract, rendered text.
extension VipsImageRef {
    /// One band of 8-bit grey, composited over white when it has transparency.
    func grey() throws(VipsFailure) -> VipsImageRef {
        try derive(.process) { winebox_vips_to_grey(pointer, &$0) }
    }

    /// The contrast stretched so the darkest `lowPercent` of the pixels become black and those above
    /// `highPercent` white. Reads every pixel twice: call it on an in-memory image.
    func contrastStretched(lowPercent: Double, highPercent: Double) throws(VipsFailure) -> VipsImageRef {
        try derive(.process) { winebox_vips_stretch_contrast(pointer, &$0, lowPercent, highPercent) }
    }

    /// Rotated clockwise by `quarterTurns` × 90 degrees.
    func rotated(quarterTurns: Int) throws(VipsFailure) -> VipsImageRef {
        try derive(.process) { winebox_vips_rotate(pointer, &$0, Int32(quarterTurns)) }
    }

    /// Edges sharpened lightly.
    func sharpened() throws(VipsFailure) -> VipsImageRef {
        try derive(.process) { winebox_vips_sharpen(pointer, &$0) }
    }

    /// Black and white swapped.
    func inverted() throws(VipsFailure) -> VipsImageRef {
        try derive(.process) { winebox_vips_invert(pointer, &$0) }
    }

    /// Placed at (`x`, `y`) in a `width` × `height` image whose other pixels are white.
    func embeddedOnWhite(x: Int, y: Int, width: Int, height: Int) throws(VipsFailure) -> VipsImageRef {
        try derive(.process) {
            winebox_vips_embed_white(pointer, &$0, Int32(x), Int32(y), Int32(width), Int32(height))
        }
    }

    /// Every pixel, rows top to bottom, bands interleaved (`width` × `bands` bytes per row for 8-bit images).
    func pixelBytes() throws(VipsFailure) -> [UInt8] {
        var length = 0
        guard let buffer = winebox_vips_write_to_memory(pointer, &length) else {
            throw VipsFailure(stage: .decode)
        }
        defer { winebox_vips_free(buffer) }
        return [UInt8](UnsafeRawBufferPointer(start: buffer, count: length))
    }

    /// Pango `markup` rendered in `font` at `dpi`, wrapped at `wrapWidth` pixels (0: never): one band, 255 where
    /// the text is.
    static func text(markup: String, font: String, wrapWidth: Int, dpi: Int) throws(VipsFailure) -> VipsImageRef {
        var output: OpaquePointer?
        guard winebox_vips_text(&output, markup, font, Int32(wrapWidth), Int32(dpi)) == 0, let output else {
            throw VipsFailure(stage: .process)
        }
        return VipsImageRef(output)
    }
}
