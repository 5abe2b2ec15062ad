/// A libvips operation failed; `reason` is libvips' own text, for the log only.
struct VipsFailure: Error, Sendable, CustomStringConvertible {
    enum Stage: String, Sendable {
        /// The header could not be read: not an image of the sniffed format.
        case header
        /// The pixels could not be decoded: a damaged or truncated file.
        case decode
        /// Resizing, rotating or converting colours failed.
        case process
        /// Encoding failed.
        case encode
    }

    let stage: Stage
    let reason: String

    /// Records the failure with libvips' current error text, which it then clears.
    init(stage: Stage) {
        self.stage = stage
        self.reason = Vips.takeError()
    }

    var description: String { "\(stage.rawValue): \(reason)" }
}
