/// Where the time of one label reading went, measured on the OCR worker thread.
public struct LabelOCRTimings: Sendable, Equatable {
    /// Waiting for a free OCR worker.
    public var queued: Duration = .zero
    /// Creating the worker's Tesseract engine and loading its models; zero when the engine was reused.
    public var engineStart: Duration = .zero
    /// Decoding, orienting, scaling and contrast with libvips.
    public var preprocessing: Duration = .zero
    /// Tesseract's recognition passes, rotations included.
    public var recognition: Duration = .zero
    /// The recognition passes run (one per rotation tried).
    public var passes = 0

    public init() {}

    /// Everything but the wait in the queue.
    public var working: Duration { engineStart + preprocessing + recognition }
}
