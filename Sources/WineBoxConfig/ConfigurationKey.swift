/// One configuration key: where it lives in `config.toml`, its type, how it is validated and which
/// ``AppConfiguration`` property it sets.
///
/// The loader, the environment mapping, `config check` and the tests are all driven by
/// ``ConfigurationKey/all``; adding a key means adding a property with its default to
/// ``AppConfiguration`` and one entry to that table. The default is read from `AppConfiguration()`.
struct ConfigurationKey: Sendable {
    /// The type of a key, which decides how an environment variable string is parsed.
    enum ValueType: Sendable {
        /// Taken verbatim from the environment.
        case string
        /// Decimal digits with an optional sign; anything else (`8000abc`, ` 80`, `0x50`) is refused.
        case integer
        /// `true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off`, in any letter case.
        case boolean
        /// Comma-separated in the environment, each element trimmed, empty elements dropped.
        case stringList

        /// Converts an environment variable's text to a value of this type.
        ///
        /// - Returns: The value, or `nil` when the text is not acceptable for the type.
        func parseEnvironmentValue(_ text: String) -> TOMLValue? {
            switch self {
            case .string:
                return .string(text)
            case .integer:
                return Int64(text).map(TOMLValue.integer)
            case .boolean:
                switch text.lowercased() {
                case "true", "1", "yes", "on": return .boolean(true)
                case "false", "0", "no", "off": return .boolean(false)
                default: return nil
                }
            case .stringList:
                let elements = text.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
                return .array(elements.map(TOMLValue.string))
            }
        }

        /// The type as written in messages, with its article: "a string", "an integer", …
        var phrase: String {
            switch self {
            case .string: return "a string"
            case .integer: return "an integer"
            case .boolean: return "a boolean"
            case .stringList: return "an array of strings"
            }
        }
    }

    /// Why a value was refused; the text follows the key's name, as in "server.port must be …".
    struct Rejection: Sendable, Equatable {
        /// ``ConfigurationError/Code/typeMismatch`` or ``ConfigurationError/Code/invalidValue``.
        let code: ConfigurationError.Code
        /// For example `must be an integer, got string`.
        let text: String
    }

    /// The `config.toml` section, or `nil` for a top-level key.
    let section: String?
    /// The key's name inside its section.
    let name: String
    /// The key's type.
    let valueType: ValueType
    /// The accepted values in words, for documentation: `0-65535`, `trace|debug|…`, or empty.
    let constraint: String
    private let assign: @Sendable (inout AppConfiguration, TOMLValue) -> Rejection?
    private let read: @Sendable (AppConfiguration) -> TOMLValue

    init(
        section: String?,
        name: String,
        valueType: ValueType,
        constraint: String = "",
        assign: @escaping @Sendable (inout AppConfiguration, TOMLValue) -> Rejection?,
        read: @escaping @Sendable (AppConfiguration) -> TOMLValue
    ) {
        self.section = section
        self.name = name
        self.valueType = valueType
        self.constraint = constraint
        self.assign = assign
        self.read = read
    }

    /// The dotted name used in messages and as the key of `LoadedConfiguration.sources`: `server.port`.
    var path: String { section.map { "\($0).\(name)" } ?? name }

    /// The overriding environment variable: `WINEBOX_` + section + `_` + name, upper case.
    var environmentVariable: String { "WINEBOX_" + path.replacingDots(with: "_").uppercased() }

    /// Validates `value` and stores it in `configuration`; returns why it was refused, if it was.
    func apply(_ value: TOMLValue, to configuration: inout AppConfiguration) -> Rejection? {
        assign(&configuration, value)
    }

    /// The key's current value in `configuration`.
    func value(in configuration: AppConfiguration) -> TOMLValue {
        read(configuration)
    }

    /// The key's built-in default.
    var defaultValue: TOMLValue { read(AppConfiguration()) }

    static func wrongType(_ expected: ValueType, got value: TOMLValue) -> Rejection {
        Rejection(code: .typeMismatch, text: "must be \(expected.phrase), got \(value.typeName)")
    }

    static func invalid(_ text: String) -> Rejection {
        Rejection(code: .invalidValue, text: text)
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (including new lines).
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }

    fileprivate func replacingDots(with replacement: String) -> String {
        split(separator: ".", omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
