import Foundation

@testable import WineBoxConfig

/// A throw-away directory tree standing in for the working, home and system directories.
struct Sandbox {
    /// The root of the tree; removed when `withSandbox` returns.
    let root: String

    /// The working directory (`./`).
    var workingDirectory: String { root + "/work" }
    /// The home directory (`~`).
    var home: String { root + "/home" }
    /// `~/.config/winebox`.
    var userConfigDirectory: String { home + "/.config/winebox" }
    /// The system directory standing in for `/etc/winebox`.
    var systemDirectory: String { root + "/etc/winebox" }

    /// Writes `text` to `path`, creating parent directories; `permissions` are POSIX mode bits.
    func write(_ text: String, to path: String, permissions: Int = 0o600) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
    }

    /// A loader that sees only this sandbox and `environment`.
    func loader(environment: [String: String] = [:]) -> ConfigurationLoader {
        ConfigurationLoader(
            environment: environment,
            currentDirectory: workingDirectory,
            homeDirectory: home,
            systemDirectories: [systemDirectory]
        )
    }

    /// The error thrown by loading, or `nil` when loading succeeds.
    func loadError(environment: [String: String] = [:], explicitPath: String? = nil) -> ConfigurationError? {
        do {
            _ = try loader(environment: environment).load(explicitPath: explicitPath)
            return nil
        } catch {
            return error
        }
    }
}

/// Runs `body` with a fresh sandbox whose directories exist, then deletes the sandbox.
func withSandbox(_ body: (Sandbox) throws -> Void) throws {
    let root = FileManager.default.temporaryDirectory.path + "/winebox-config-\(UUID().uuidString)"
    let sandbox = Sandbox(root: root)
    defer { try? FileManager.default.removeItem(atPath: root) }
    for directory in [sandbox.workingDirectory, sandbox.userConfigDirectory, sandbox.systemDirectory] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
    try body(sandbox)
}
