/// How ``LabelTextReader`` reads a photo: which page segmentation, which rotations in which order, and when to
/// stop trying. The defaults were chosen on the X-Wines bottle photos and the sample labels (see
/// docs/architecture.md, "Label reading").
public struct LabelOCRStrategy: Sendable, Equatable {
    /// Tesseract's page segmentation for every pass. Sparse text finds the scattered words of a bottle photo
    /// (a winery name above, a wine name below, a vintage on the neck) that layout analysis often drops.
    public var pageSegmentation: TesseractPageSegmentation = .sparseText
    /// The clockwise quarter turns to try, in order: upright first, then the two sideways ones (labels printed
    /// along the bottle, photos taken sideways without an EXIF orientation). Upside down (2) is left out by
    /// default: on the sample photos it never won and cost a pass on every hard photo.
    public var quarterTurns: [Int] = [0, 1, 3]
    /// A first (upright) pass scoring this much (see ``LabelTextScore``: about three confident words of five
    /// letters) is kept at once and no rotation is tried, which keeps the usual upright photo to a single pass.
    public var goodEnoughScore = 12.0
    /// The turned passes are skipped when the first pass took longer than this: a photo on which Tesseract finds
    /// hundreds of specks (foliage, a textured bottle, a back label full of small print) can take over a second per
    /// pass, and its sideways passes rarely read more. A read so takes at most about three times this, plus
    /// preprocessing. Depends on the machine's load, so a busy server tries fewer rotations.
    public var skipRotationsAfter: Duration = .milliseconds(1000)
    /// Photos whose long side is shorter are scaled up to it, in pixels: label text on a 480 × 640 bottle photo
    /// is too small for Tesseract.
    public var minLongEdge = 1400
    /// Photos whose long side is longer are scaled down to it, in pixels: more only costs time.
    public var maxLongEdge = 2400
    /// Whether the contrast is stretched (darkest 1 % black, brightest 1 % white) before reading.
    public var stretchesContrast = true
    /// Whether edges are sharpened lightly after scaling.
    public var sharpens = false
    /// Words below this confidence (0-100) are left out of ``LabelOCRResult/text`` (they stay in
    /// ``LabelOCRResult/words``).
    public var minWordConfidence = 40.0

    public init() {}
}
