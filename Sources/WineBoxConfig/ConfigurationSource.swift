/// Where the effective value of a configuration key or secret came from.
public enum ConfigurationSource: Sendable, Hashable, CustomStringConvertible {
    /// The built-in default; no file or environment variable set it.
    case `default`
    /// The file at this path (`config.toml` or `secrets.env`).
    case file(String)
    /// The environment variable with this name.
    case environment(String)

    /// `default`, the file path, or `env NAME`.
    public var description: String {
        switch self {
        case .default: return "default"
        case .file(let path): return path
        case .environment(let name): return "env \(name)"
        }
    }
}
