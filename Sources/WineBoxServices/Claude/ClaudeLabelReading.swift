public import WineBoxDomain

/// What Claude read from a wine's labels, after every field was checked on its own.
public struct ClaudeLabelReading: Sendable, Equatable {
    /// Token counts the Messages API reported for the request that answered.
    public struct Usage: Sendable, Equatable {
        public var inputTokens: Int
        public var outputTokens: Int

        public init(inputTokens: Int, outputTokens: Int) {
            self.inputTokens = inputTokens
            self.outputTokens = outputTokens
        }
    }

    /// The fields that passed their checks; a field that was missing, null or refused is nil (or empty).
    public var fields: LabelFields
    /// Every readable text of the front label as Claude transcribed it, line breaks kept; nil when none.
    public var frontLabelText: String?
    /// The same for the back label; nil without a back image or when none was read.
    public var backLabelText: String?
    /// The model that answered, as the API named it (else the model asked).
    public var model: String
    /// Token counts, when the answer had them.
    public var usage: Usage?
    /// Why Claude stopped (`end_turn`, `max_tokens`, …), when the answer said.
    public var stopReason: String?
    /// The answer's keys whose values were refused (wrong type, out of range, too long), in the order checked,
    /// such as `vintage` or `grape_varieties[1]`; for logs and tests.
    public var droppedFields: [String]
    /// How many requests it took (1 when the first succeeded).
    public var attempts: Int

    public init(
        fields: LabelFields, frontLabelText: String?, backLabelText: String?, model: String, usage: Usage?,
        stopReason: String?, droppedFields: [String], attempts: Int
    ) {
        self.fields = fields
        self.frontLabelText = frontLabelText
        self.backLabelText = backLabelText
        self.model = model
        self.usage = usage
        self.stopReason = stopReason
        self.droppedFields = droppedFields
        self.attempts = attempts
    }
}
