import Foundation
import Testing

@testable import WineBoxConfig

@Suite struct ExampleFilesTests {
    /// `config/` at the package root, found from this file's location.
    private static let configDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config").path

    @Test func configExampleSetsEveryKeyToItsDefault() throws {
        try withSandbox { sandbox in
            let path = Self.configDirectory + "/config.toml.example"
            let loaded = try sandbox.loader().load(explicitPath: path)
            #expect(loaded.configuration == AppConfiguration())
            #expect(loaded.warnings.isEmpty)
            for key in ConfigurationKey.all {
                #expect(loaded.source(of: key.path) == .file(path), "\(key.path) is not in the example")
            }
        }
    }

    @Test func configExampleNamesEveryEnvironmentVariable() throws {
        let text = try String(contentsOfFile: Self.configDirectory + "/config.toml.example", encoding: .utf8)
        for key in ConfigurationKey.all {
            #expect(text.contains("Env: \(key.environmentVariable)"), "\(key.environmentVariable) undocumented")
        }
    }

    @Test func secretsExampleSetsNothingAndNamesEverySecret() throws {
        try withSandbox { sandbox in
            let text = try String(contentsOfFile: Self.configDirectory + "/secrets.env.example", encoding: .utf8)
            #expect(DotEnvParser.parse(text).isEmpty)
            for name in Secrets.variables {
                #expect(text.contains("# \(name)="), "\(name) undocumented")
            }
            try sandbox.write(text, to: sandbox.workingDirectory + "/secrets.env")
            let loaded = try sandbox.loader().load()
            #expect(loaded.secrets == Secrets())
            #expect(loaded.warnings.isEmpty)
        }
    }
}
