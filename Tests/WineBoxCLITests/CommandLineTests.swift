import Foundation
import Synchronization
import Testing
import WineBoxCLI
import WineBoxSupport
import WineBoxTesting

/// Captures what a command prints.
final class CapturedOutput: Sendable {
    private let storage = Mutex((out: [String](), error: [String]()))

    var output: CommandOutput {
        CommandOutput(
            out: { line in self.storage.withLock { $0.out.append(line) } },
            error: { line in self.storage.withLock { $0.error.append(line) } })
    }

    var out: String { storage.withLock { $0.out.joined(separator: "\n") } }
    var error: String { storage.withLock { $0.error.joined(separator: "\n") } }
}

@Suite struct CommandLineTests {
    private func run(_ arguments: [String], environment: [String: String] = [:], in directory: String)
        async -> (Int32, CapturedOutput)
    {
        let captured = CapturedOutput()
        let status = await WineBoxCommandLine.run(
            arguments: arguments, environment: environment, currentDirectory: directory, output: captured.output)
        return (status, captured)
    }

    @Test func versionPrintsTheProductAndVersion() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for arguments in [["version"], ["--version"]] {
            let (status, output) = await run(arguments, in: directory.path)
            #expect(status == 0)
            #expect(output.out == "WineBox \(WineBoxVersion.current)")
        }
    }

    @Test func usageErrorsExitWith2AndPointToHelp() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (status, output) = await run(["serve", "--nope"], in: directory.path)
        #expect(status == 2)
        #expect(output.error.contains("Unknown option --nope"))
        #expect(output.error.contains("winebox serve --help"))
    }

    @Test func helpExitsWith0() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (status, output) = await run(["serve", "--help"], in: directory.path)
        #expect(status == 0)
        #expect(output.out.contains("Usage: winebox serve"))
    }

    @Test func configCheckPrintsTheEffectiveConfigurationWithSecretsRedacted() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("[server]\nport = 9123\n", to: "config.toml")
        let secret = "s3cr3t-value-that-must-never-be-printed-0123456789"
        let (status, output) = await run(
            ["config", "check"],
            environment: ["WINEBOX_SECRET_KEY": secret, "WINEBOX_LOGGING_LEVEL": "debug"], in: directory.path)
        #expect(status == 0)
        #expect(output.out.contains("port = 9123"))
        #expect(output.out.contains("WINEBOX_LOGGING_LEVEL"))
        #expect(output.out.contains("WINEBOX_SECRET_KEY"))
        #expect(!output.out.contains(secret))
        #expect(!output.error.contains(secret))
    }

    @Test func anInvalidConfigurationExitsWith3AndNamesTheKey() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("[server]\nport = \"eighty\"\n", to: "config.toml")
        let (status, output) = await run(["config", "check"], in: directory.path)
        #expect(status == 3)
        #expect(output.error.contains("server.port"))

        let (serveStatus, serveOutput) = await run(["serve"], in: directory.path)
        #expect(serveStatus == 3)
        #expect(serveOutput.error.contains("server.port"))
    }

    @Test func aMissingExplicitConfigFileExitsWith3() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (status, output) = await run(
            ["--config", "/nonexistent/winebox.toml", "config", "check"], in: directory.path)
        #expect(status == 3)
        #expect(output.error.contains("/nonexistent/winebox.toml"))
    }
}

@Suite struct RateLimitSwitchTests {
    @Test func theEarlierWineBoxSwitchTurnsRateLimitsOff() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let captured = CapturedOutput()
        let status = await WineBoxCommandLine.run(
            arguments: ["config", "check"], environment: ["WINEBOX_RATE_LIMIT_DISABLED": "1"],
            currentDirectory: directory.path, output: captured.output)
        #expect(status == 0)
        #expect(captured.out.contains("rate_limit_enabled = false"))
    }
}
