import Synchronization
import WineBoxServices

/// Turns the many progress reports of a backup or restore into a few lines on standard error: one when a stage
/// starts, one per quarter of its bytes, and one when it ends.
///
/// `backup: writing the archive: 3 of 12 files, 1.3 MiB of 5.0 MiB (25%)`
///
/// Reports arrive from database and worker threads; the printer is thread-safe.
final class ProgressPrinter: Sendable {
    private struct State {
        var stage: BackupProgress.Stage?
        var quarter = -1
    }

    private let output: CommandOutput
    private let command: String
    private let state = Mutex(State())

    /// - Parameter command: The prefix of each line (`backup`, `restore`).
    init(output: CommandOutput, command: String) {
        self.output = output
        self.command = command
    }

    func report(_ progress: BackupProgress) {
        let finished = progress.files >= progress.totalFiles && progress.bytes >= progress.totalBytes
        // Quarters 0...3 while the stage runs; 4 only once it has finished, so the end prints exactly once.
        let quarter =
            finished ? 4 : progress.totalBytes > 0 ? min(Int(progress.bytes * 4 / progress.totalBytes), 3) : 0
        let shouldPrint = state.withLock { state in
            guard state.stage != progress.stage || quarter > state.quarter else { return false }
            state = State(stage: progress.stage, quarter: quarter)
            return true
        }
        if shouldPrint {
            output.printError(line(progress, percent: quarter * 25))
        }
    }

    private func line(_ progress: BackupProgress, percent: Int) -> String {
        let files = progress.totalFiles == 1 ? "file" : "files"
        return "\(command): \(progress.stage.rawValue): \(progress.files) of \(progress.totalFiles) \(files), "
            + "\(ByteCount.text(progress.bytes)) of \(ByteCount.text(progress.totalBytes)) (\(percent)%)"
    }
}
