/// A configuration problem found while loading `config.toml`, `secrets.env` or the environment.
///
/// The ``message`` is safe to print and to log: it names the key, the file or the environment
/// variable involved, but never contains the value of a secret.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem this is. New codes may be added; do not switch over them exhaustively.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case invalidSyntax
            case typeMismatch
            case invalidValue
            case unknownKey
            case fileNotFound
            case fileUnreadable
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// A file is not valid TOML, or `secrets.env` is not valid UTF-8.
        public static let invalidSyntax = Code(.invalidSyntax)
        /// A value has the wrong type, for example a string where an integer is required.
        public static let typeMismatch = Code(.typeMismatch)
        /// A value has the right type but is out of range or not one of the allowed values.
        public static let invalidValue = Code(.invalidValue)
        /// `config.toml` has a section or key that WineBox does not know.
        public static let unknownKey = Code(.unknownKey)
        /// The file given with `--config` does not exist.
        public static let fileNotFound = Code(.fileNotFound)
        /// A configuration or secrets file exists but cannot be read (a directory, no permission, too large).
        public static let fileUnreadable = Code(.fileUnreadable)

        public var description: String { base.rawValue }
    }

    /// What kind of problem this is.
    public let code: Code
    /// The dotted configuration key (`server.port`) or secret variable (`WINEBOX_SECRET_KEY`)
    /// concerned, or `nil` for file-level problems.
    public let key: String?
    /// A one-line explanation for people, naming the key and where its value came from.
    public let message: String

    /// Creates an error; `message` must not contain secret values.
    public init(code: Code, key: String? = nil, message: String) {
        self.code = code
        self.key = key
        self.message = message
    }

    public var description: String { message }
}
