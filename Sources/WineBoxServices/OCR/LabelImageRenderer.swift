import WineBoxDomain

/// Renders known text as a label image, for tests and for measuring how well labels are read.
///
/// Black text on white (Pango through libvips' `vips_text`, with the fonts fontconfig finds), centred lines, a
/// white margin, optionally turned by quarter turns, encoded as a grey PNG. Synchronous; a few milliseconds.
public enum LabelImageRenderer {
    /// Renders `lines` (plain text, one label line each) in `font` at `pixelSize` pixels per em, with `margin`
    /// pixels of white around, turned clockwise by `quarterTurns` × 90 degrees.
    ///
    /// - Throws: ``WineBoxError`` `.invalidInput` when there is no text; `.unavailable` when libvips is not
    ///   installed or cannot render text.
    public static func render(
        lines: [String], font: String = "DejaVu Serif Bold", pixelSize: Int = 40, margin: Int = 80,
        quarterTurns: Int = 0
    ) throws -> [UInt8] {
        guard lines.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            throw WineBoxError(.invalidInput, "A label needs at least one line of text")
        }
        try Vips.start()
        // Pango markup is XML: HTML's escapes (with a numeric apostrophe) are what it expects.
        let markup = "<span>" + lines.map(MailTemplates.escapeHTML).joined(separator: "\n") + "</span>"
        do {
            return try pngImage(
                markup: markup, font: "\(font) \(max(4, pixelSize))", margin: margin, turns: quarterTurns)
        } catch {
            throw WineBoxError(.unavailable, "libvips could not render the text (\(error.stage.rawValue))")
        }
    }

    /// Renders, frames, turns and encodes.
    private static func pngImage(
        markup: String, font: String, margin: Int, turns quarterTurns: Int
    ) throws(VipsFailure) -> [UInt8] {
        // At 72 dots per inch a point is a pixel.
        let text = try VipsImageRef.text(markup: markup, font: font, wrapWidth: 0, dpi: 72).inverted()
        var image = try text.embeddedOnWhite(
            x: margin, y: margin, width: text.width + 2 * margin, height: text.height + 2 * margin)
        if quarterTurns % 4 != 0 {
            image = try image.rotated(quarterTurns: quarterTurns)
        }
        return try image.encoded(as: .png, quality: 0)
    }
}
