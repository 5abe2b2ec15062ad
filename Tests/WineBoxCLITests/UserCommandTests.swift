import Foundation
import Synchronization
import Testing
import WineBoxTesting

@testable import WineBoxApp
@testable import WineBoxCLI

@Suite struct UserCommandTests {
    /// Runs `winebox` in `directory` with fast Argon2 settings; `stdin` lines feed --password-stdin.
    private func run(_ arguments: [String], stdin: [String] = [], in directory: TemporaryDirectory) async -> (
        Int32, CapturedOutput
    ) {
        let lines = Mutex(stdin)
        let source = PasswordInput.Source(
            readLine: { lines.withLock { $0.isEmpty ? nil : $0.removeFirst() } }, isTerminal: { false },
            prompt: { _ in nil })
        let captured = CapturedOutput()
        let environment = [
            "WINEBOX_STORAGE_DATA_DIR": directory.file("data"), "WINEBOX_AUTH_ARGON2_MEMORY_KIB": "19456",
            "WINEBOX_AUTH_ARGON2_ITERATIONS": "2", "WINEBOX_LOGGING_LEVEL": "error",
        ]
        let status = await WineBoxCommandLine.run(
            arguments: arguments, environment: environment, currentDirectory: directory.path, output: captured.output,
            passwordSource: source)
        return (status, captured)
    }

    @Test func addListDisableEnablePasswdAndRemove() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (added, addOutput) = await run(
            ["user", "add", "Owner@Example.com", "--admin", "--name", "Ann", "--password-stdin"],
            stdin: ["our cellar passphrase"], in: directory)
        #expect(added == 0)
        #expect(addOutput.out == "Created admin owner@example.com")
        #expect(
            await run(
                ["user", "add", "m@example.com", "--password-stdin"], stdin: ["member passphrase"], in: directory
            ).0 == 0)

        let (_, list) = await run(["user", "list"], in: directory)
        #expect(list.out.contains("owner@example.com"))
        #expect(list.out.contains("admin"))
        #expect(list.out.contains("m@example.com"))
        #expect(!list.out.contains("passphrase"))

        #expect(await run(["user", "disable", "m@example.com"], in: directory).1.out == "Disabled m@example.com")
        #expect(await run(["user", "disable", "m@example.com"], in: directory).1.out.contains("already disabled"))
        #expect(await run(["user", "enable", "m@example.com"], in: directory).0 == 0)
        #expect(
            await run(
                ["user", "passwd", "m@example.com", "--password-stdin"], stdin: ["a new passphrase"], in: directory
            ).0 == 0)
        #expect(await run(["user", "remove", "m@example.com"], in: directory).0 == 2)
        #expect(await run(["user", "remove", "m@example.com", "--force"], in: directory).0 == 0)
        #expect(!(await run(["user", "list"], in: directory).1.out.contains("m@example.com")))
    }

    @Test func mistakesFailWithoutChangingAnything() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (weak, weakOutput) = await run(
            ["user", "add", "a@example.com", "--password-stdin"], stdin: ["password"], in: directory)
        #expect(weak == 1)
        #expect(weakOutput.error.contains("password"))
        #expect(await run(["user", "add", "a@example.com"], in: directory).0 == 2)
        #expect(await run(["user", "add", "a@example.com", "--password-stdin"], in: directory).0 == 2)
        #expect(await run(["user", "list"], in: directory).1.out == "No accounts.")

        _ = await run(
            ["user", "add", "a@example.com", "--admin", "--password-stdin"], stdin: ["our cellar passphrase"],
            in: directory)
        let (duplicate, duplicateOutput) = await run(
            ["user", "add", "A@example.com", "--password-stdin"], stdin: ["our cellar passphrase"], in: directory)
        #expect(duplicate == 1)
        #expect(duplicateOutput.error.contains("already exists"))
        let (lastAdmin, lastAdminOutput) = await run(["user", "remove", "a@example.com", "--force"], in: directory)
        #expect(lastAdmin == 1)
        #expect(lastAdminOutput.error.contains("last active admin"))
        #expect(await run(["user", "disable", "nobody@example.com"], in: directory).0 == 1)
    }

    @Test func theListTellsAPendingInvitationFromAnUnconfirmedAddress() {
        let table = UserCommand.table([
            .init(
                email: "ida@example.com", fullName: "Ida", isAdmin: false, isActive: true, isVerified: false,
                isInvited: true, lastSignIn: nil),
            .init(
                email: "jo@example.com", fullName: "Jo", isAdmin: false, isActive: true, isVerified: false,
                isInvited: false, lastSignIn: nil),
        ])
        let rows = table.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(rows.first?[4] == "VERIFIED")
        #expect(rows.dropFirst().map { $0[4] } == ["invited", "no"])
    }
}
