import WineBoxDomain

/// What a scan of a wine's labels proposes: the fields read, the text, how it was read, and the X-Wines wines it
/// may be, best first.
struct LabelScan: Sendable {
    /// How the labels were read.
    enum Method: Sendable, Equatable {
        /// By Claude.
        case claude
        /// Offline: Tesseract and the label-text parser.
        case offline
        /// Offline, because Claude failed for the given reason (`timeout`, `rate_limited`, …).
        case offlineAfterClaudeFailure(String)

        /// The `method` of the answer; the earlier WineBox's names for the first two.
        var name: String {
            switch self {
            case .claude: "claude_vision"
            case .offline: "tesseract"
            case .offlineAfterClaudeFailure: "tesseract_fallback"
            }
        }
    }

    /// What one reader made of the labels.
    struct Reading: Sendable {
        var fields: LabelFields
        var frontText: String
        var backText: String
        var method: Method
    }

    var reading: Reading
    /// The most likely X-Wines wines, best first.
    var candidates: [XWinesMatch]
    /// The X-Wines wine whose data filled empty fields, when the best candidate was convincing enough.
    var xwinesID: Int?
    /// The fields that X-Wines filled.
    var enrichedFields: [String] = []
    /// How long the scan took.
    var elapsed: Duration = .zero
}
