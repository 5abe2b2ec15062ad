import Foundation
import Synchronization
import Testing
import WineBoxTesting

@testable import WineBoxCLI

@Suite struct BackupCommandTests {
    /// Fast Argon2 settings and quiet logs; `data` becomes WINEBOX_STORAGE_DATA_DIR when given.
    private func environment(data: String?) -> [String: String] {
        var environment = [
            "WINEBOX_AUTH_ARGON2_MEMORY_KIB": "19456", "WINEBOX_AUTH_ARGON2_ITERATIONS": "2",
            "WINEBOX_LOGGING_LEVEL": "error",
        ]
        environment["WINEBOX_STORAGE_DATA_DIR"] = data
        return environment
    }

    /// Runs `winebox` in `directory`; `stdin` feeds --password-stdin.
    private func run(_ arguments: [String], data: String?, stdin: String? = nil, in directory: TemporaryDirectory)
        async -> (Int32, CapturedOutput)
    {
        let line = Mutex(stdin)
        let source = PasswordInput.Source(
            readLine: {
                line.withLock { value in
                    defer { value = nil }
                    return value
                }
            }, isTerminal: { false },
            prompt: { _ in nil })
        let captured = CapturedOutput()
        let status = await WineBoxCommandLine.run(
            arguments: arguments, environment: environment(data: data), currentDirectory: directory.path,
            output: captured.output, passwordSource: source)
        return (status, captured)
    }

    @Test func backupThenRestoreIntoAFreshDataDirectory() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let source = directory.file("data")
        let added = await run(
            ["user", "add", "owner@example.com", "--admin", "--password-stdin"], data: source,
            stdin: "our cellar passphrase", in: directory)
        #expect(added.0 == 0)
        try directory.write("a label photo", to: "data/images/label.jpg")

        let (backedUp, backup) = await run(["backup", "--output", "cellar.tar.gz"], data: source, in: directory)
        #expect(backedUp == 0, "\(backup.error)")
        #expect(backup.out.hasPrefix("Backed up \(source) to \(directory.file("cellar.tar.gz")) ("))
        #expect(backup.out.contains("1 image (13 bytes)"))
        #expect(backup.error.contains("backup: copying the database: 1 of 1 file"))
        #expect(backup.error.contains("backup: writing the archive: 2 of 2 files"))
        #expect(backup.error.contains("(100%)"))

        let target = directory.file("restored")
        let (restored, restore) = await run(["restore", "cellar.tar.gz"], data: target, in: directory)
        #expect(restored == 0, "\(restore.error)")
        #expect(restore.out.hasPrefix("Restored \(directory.file("cellar.tar.gz")) into \(target): database "))
        #expect(restore.error.contains("restore: extracting: 2 of 2 files"))
        #expect(restore.error.contains("restore: checking the database: 1 of 1 file"))
        #expect(try String(contentsOfFile: target + "/images/label.jpg", encoding: .utf8) == "a label photo")

        // `user list` opens the restored database through the app's migrator.
        let (listed, list) = await run(["user", "list"], data: target, in: directory)
        #expect(listed == 0)
        #expect(list.out.contains("owner@example.com"))

        let (again, refusal) = await run(["restore", "cellar.tar.gz"], data: target, in: directory)
        #expect(again == 1)
        #expect(refusal.error.contains("winebox: restore failed: The data directory \(target) already holds"))
    }

    @Test func configAfterTheCommandChoosesTheDataDirectory() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = await run(
            ["user", "add", "owner@example.com", "--admin", "--password-stdin"], data: directory.file("data"),
            stdin: "our cellar passphrase", in: directory)
        try directory.write("[storage]\ndata_dir = \"data\"\n", to: "source.toml")
        try directory.write("[storage]\ndata_dir = \"copy\"\n", to: "target.toml")

        let (backedUp, _) = await run(
            ["backup", "--config", "source.toml", "-o", "b.tar.gz"], data: nil, in: directory)
        #expect(backedUp == 0)
        let (restored, _) = await run(["restore", "b.tar.gz", "--config", "target.toml"], data: nil, in: directory)
        #expect(restored == 0)
        #expect(FileManager.default.fileExists(atPath: directory.file("copy/winebox.sqlite3")))
    }

    @Test func theDefaultArchiveNameCarriesTheTimeInUTC() async throws {
        #expect(
            BackupCommand.defaultFileName(at: Date(timeIntervalSince1970: 1_800_000_000))
                == "winebox-backup-20270115-080000.tar.gz")

        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = await run(
            ["user", "add", "owner@example.com", "--admin", "--password-stdin"], data: directory.file("data"),
            stdin: "our cellar passphrase", in: directory)
        let (status, _) = await run(["backup"], data: directory.file("data"), in: directory)
        #expect(status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.contains { $0.wholeMatch(of: #/winebox-backup-\d{8}-\d{6}\.tar\.gz/#) != nil })
    }

    @Test func mistakesExitWithTheUsualStatuses() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(await run(["restore"], data: directory.file("data"), in: directory).0 == 2)
        #expect(await run(["backup", "--output"], data: directory.file("data"), in: directory).0 == 2)

        let (nothing, nothingOutput) = await run(["backup"], data: directory.file("data"), in: directory)
        #expect(nothing == 1)
        #expect(nothingOutput.error.contains("nothing to back up"))
        let (missing, missingOutput) = await run(["restore", "none.tar.gz"], data: directory.file("d"), in: directory)
        #expect(missing == 1)
        #expect(missingOutput.error.contains("There is no backup file at \(directory.file("none.tar.gz"))"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("d")))

        try directory.write("[server]\nport = \"eighty\"\n", to: "config.toml")
        #expect(await run(["backup"], data: directory.file("data"), in: directory).0 == 3)
    }

    @Test func helpExplainsBothCommands() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (_, overview) = await run(["--help"], data: nil, in: directory)
        #expect(overview.out.contains("backup "))
        #expect(overview.out.contains("restore "))
        let (status, backup) = await run(["backup", "--help"], data: nil, in: directory)
        #expect(status == 0)
        #expect(backup.out.contains("Usage: winebox backup [OPTIONS]"))
        #expect(backup.out.contains("password hashes"))
        let (_, restore) = await run(["help", "restore"], data: nil, in: directory)
        #expect(restore.out.contains("Usage: winebox restore [OPTIONS] FILE"))
    }
}
