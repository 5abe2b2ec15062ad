import Foundation
import Testing
import WineBoxTesting

/// Runs the real `winebox` binary, as `make run` does, and stops it with a signal.
@Suite(.serialized) struct ServeProcessTests {
    /// `.build/debug/winebox`, built by `swift build` (the Makefile builds before testing).
    static let binary = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/winebox").path

    @Test(arguments: [SIGTERM, SIGINT])
    func serveAnswersHealthAndShutsDownCleanlyOnASignal(signal: Int32) async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first: swift build")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve", "--port", "0", "--data-dir", directory.file("data")]
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        process.environment = [
            "WINEBOX_LOGGING_FORMAT": "json", "PATH": "/usr/bin:/bin",
            "WINEBOX_SECRET_KEY": "process-test-key-0123456789abcdefghijklmnopqrstuvwxyz",
        ]
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Never leave a server behind when an expectation below fails or throws.
        defer {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }

        let log = LogReader(handle: errorPipe.fileHandleForReading)
        let listening = try #require(log.waitForLine(containing: "WineBox is listening"), "\(log.text)")
        let url = try #require(listening.firstMatch(of: #/http://127\.0\.0\.1:(\d+)/#))
        let port = try #require(Int(url.1))

        let response = try await RawHTTPClient(port: port).request("GET", "/health")
        #expect(response.status == 200)
        #expect(try response.json()["status"] as? String == "healthy")

        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(log.waitForLine(containing: "\"msg\":\"Stopped\"") != nil, "\(log.text)")
        #expect(log.text.contains("\"path\":\"/health\""))
        #expect(FileManager.default.fileExists(atPath: directory.file("data/winebox.sqlite3")))
    }
}

/// Collects a child process's log lines as they arrive.
final class LogReader: @unchecked Sendable {
    // @unchecked: `lines` is only touched under `condition`.
    private let condition = NSCondition()
    private var lines: [String] = []

    init(handle: FileHandle) {
        Thread.detachNewThread { [self] in
            var pending = Data()
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                // POSIX read rather than FileHandle.availableData, which traps on EINTR (SIGCHLD arrives here).
                let count = chunk.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR {
                    continue
                }
                if count <= 0 {
                    break
                }
                pending.append(contentsOf: chunk.prefix(count))
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex...newline)
                    condition.lock()
                    lines.append(line)
                    condition.broadcast()
                    condition.unlock()
                }
            }
        }
    }

    var text: String {
        condition.lock()
        defer { condition.unlock() }
        return lines.joined(separator: "\n")
    }

    /// Waits up to `seconds` for a line containing `fragment`.
    func waitForLine(containing fragment: String, seconds: Double = 20) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let line = lines.first(where: { $0.contains(fragment) }) {
                return line
            }
            if !condition.wait(until: deadline) {
                return nil
            }
        }
    }
}
