import Foundation
import Synchronization
import Testing
import WineBoxTesting

@testable import WineBoxCLI

/// `winebox backup` against the data directory of a running `winebox serve` (the real binary) that keeps
/// writing, then `winebox restore` into a fresh directory.
@Suite struct BackupWhileServingTests {
    private static let fastHashing = [
        "WINEBOX_AUTH_ARGON2_MEMORY_KIB": "19456", "WINEBOX_AUTH_ARGON2_ITERATIONS": "2",
        "WINEBOX_LOGGING_LEVEL": "error",
    ]

    private func run(_ arguments: [String], data: String, stdin: String? = nil, in directory: TemporaryDirectory)
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
            arguments: arguments, environment: Self.fastHashing.merging(["WINEBOX_STORAGE_DATA_DIR": data]) { $1 },
            currentDirectory: directory.path, output: captured.output, passwordSource: source)
        return (status, captured)
    }

    @Test func aBackupTakenWhileTheServerWritesHoldsEveryCommittedAccount() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: ServeProcessTests.binary), "build first: swift build")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.file("data")
        let added = await run(
            ["user", "add", "admin@example.com", "--admin", "--password-stdin"], data: data,
            stdin: "our cellar passphrase", in: directory)
        #expect(added.0 == 0)

        let server = Process()
        server.executableURL = URL(fileURLWithPath: ServeProcessTests.binary)
        server.arguments = ["serve", "--port", "0", "--data-dir", data]
        server.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        server.environment = Self.fastHashing.merging([
            "PATH": "/usr/bin:/bin", "WINEBOX_LOGGING_FORMAT": "json", "WINEBOX_LOGGING_LEVEL": "info",
            "WINEBOX_RATE_LIMIT_DISABLED": "1",
            "WINEBOX_SECRET_KEY": "backup-test-key-0123456789abcdefghijklmnopqrstuvwxyz",
        ]) { $1 }
        let errorPipe = Pipe()
        server.standardError = errorPipe
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer {
            if server.isRunning {
                kill(server.processIdentifier, SIGKILL)
                server.waitUntilExit()
            }
        }
        let log = LogReader(handle: errorPipe.fileHandleForReading)
        let listening = try #require(log.waitForLine(containing: "WineBox is listening"), "\(log.text)")
        let address = try #require(listening.firstMatch(of: #/127\.0\.0\.1:(\d+)/#))
        let port = try #require(Int(address.1))
        let token = try await signIn(port: port)

        // One client creates members one after another; a member counts as committed once its 201 has arrived.
        let committed = CommitLog<Int>()
        let stop = Atomic<Bool>(false)
        let writer = Task {
            var number = 0
            while !stop.load(ordering: .relaxed) && !committed.reachedLimit {
                let response = try await RawHTTPClient(port: port).request(
                    "POST", "/api/admin/users",
                    headers: [("Content-Type", "application/json"), ("Authorization", "Bearer \(token)")],
                    body: Array(
                        #"{"email":"member\#(number)@example.com","password":"cellar passphrase \#(number)"}"#.utf8))
                guard response.status == 201 else {
                    throw RawHTTPClient.ClientError("creating member \(number) answered \(response.status)")
                }
                committed.append(number)
                number += 1
            }
        }
        #expect(await committed.waitAsync(forCount: 5))
        let committedBeforeBackup = committed.values

        // When the backup reports its database copy, it holds its read snapshot; the progress line (printed from
        // the database queue, not the cooperative pool) waits there until the server has committed 3 more members.
        let atCopy = Mutex<(count: Int, writerKeptWriting: Bool)?>(nil)
        let captured = CapturedOutput()
        let output = CommandOutput(out: captured.output.writeOut) { line in
            if line.hasPrefix("backup: copying the database") {
                atCopy.withLock { state in
                    if state == nil {
                        let count = committed.values.count
                        committed.limit = count + 3
                        state = (count, committed.wait(forCount: count + 3))
                    }
                }
            }
            captured.output.writeError(line)
        }
        let backedUp = await WineBoxCommandLine.run(
            arguments: ["backup", "--output", "live.tar.gz"],
            environment: Self.fastHashing.merging(["WINEBOX_STORAGE_DATA_DIR": data]) { $1 },
            currentDirectory: directory.path, output: output)
        #expect(backedUp == 0, "\(captured.error)")
        stop.store(true, ordering: .relaxed)
        try await writer.value
        kill(server.processIdentifier, SIGTERM)
        server.waitUntilExit()
        #expect(server.terminationStatus == 0)
        let allCommitted = committed.values
        let copy = try #require(atCopy.withLock { $0 })
        #expect(copy.writerKeptWriting, "the server committed members while the backup held its snapshot")

        // The restore checks integrity_check itself; `user list` then opens the database through the migrator.
        let target = directory.file("restored")
        let (restored, restore) = await run(["restore", "live.tar.gz"], data: target, in: directory)
        #expect(restored == 0, "\(restore.error)")
        let (listed, list) = await run(["user", "list"], data: target, in: directory)
        #expect(listed == 0)
        let members = list.out.matches(of: #/member(\d+)@example\.com/#).compactMap { Int($0.1) }.sorted()
        #expect(members == Array(allCommitted.prefix(members.count)), "a prefix of the commits, with no gaps")
        #expect(members.count >= committedBeforeBackup.count, "every member committed before the backup is there")
        #expect(members.count <= copy.count + 1, "no member committed while the snapshot was held")
        #expect(list.out.contains("admin@example.com"))
    }

    private func signIn(port: Int) async throws -> String {
        let response = try await RawHTTPClient(port: port).request(
            "POST", "/api/auth/login", headers: [("Content-Type", "application/json")],
            body: Array(#"{"email":"admin@example.com","password":"our cellar passphrase"}"#.utf8))
        guard response.status == 200, let token = try response.json()["access_token"] as? String else {
            throw RawHTTPClient.ClientError("sign-in answered \(response.status): \(response.text)")
        }
        return token
    }
}
