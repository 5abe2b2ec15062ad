import Foundation
import Synchronization
import WineBoxApp

/// Shows an import's progress on standard error: one line redrawn in place at most four times a second when
/// standard error is a terminal, otherwise a plain line every ten seconds and at each change of phase.
///
/// Thread-safe: ``show(_:)`` may be called from the importer's thread while the command waits.
final class ImportProgressDisplay: Sendable {
    private struct State {
        var lastShown: ContinuousClock.Instant?
        var lastPhase: XWinesImportProgress.Phase?
        var lineIsOpen = false
    }

    private let output: CommandOutput
    private let state = Mutex(State())

    init(output: CommandOutput) {
        self.output = output
    }

    /// Shows `progress`, unless a line was shown too recently.
    func show(_ progress: XWinesImportProgress) {
        let now = ContinuousClock.now
        let interval: Duration = output.writeTerminal == nil ? .seconds(10) : .milliseconds(250)
        let isDue = state.withLock { state -> Bool in
            let phaseChanged = state.lastPhase != progress.phase
            if let last = state.lastShown, !phaseChanged, now - last < interval {
                return false
            }
            state.lastShown = now
            state.lastPhase = progress.phase
            state.lineIsOpen = output.writeTerminal != nil
            return true
        }
        guard isDue else { return }
        let line = Self.describe(progress)
        if let writeTerminal = output.writeTerminal {
            writeTerminal("\r\u{1B}[K" + line)
        } else {
            output.printError(line)
        }
    }

    /// Clears the progress line, so that what follows starts on a clean line.
    func finish() {
        let lineIsOpen = state.withLock { state -> Bool in
            defer { state.lineIsOpen = false }
            return state.lineIsOpen
        }
        if lineIsOpen, let writeTerminal = output.writeTerminal {
            writeTerminal("\r\u{1B}[K")
        }
    }

    static func describe(_ progress: XWinesImportProgress) -> String {
        let percent = Int((progress.fractionDone * 100).rounded(.down))
        switch progress.phase {
        case .ratings:
            return "Ratings: \(grouped(progress.rowsRead)) read, \(grouped(progress.skipped)) skipped (\(percent)%)"
        case .wines:
            return "Wines: \(grouped(progress.rowsRead)) read, \(grouped(progress.imported)) imported, "
                + "\(grouped(progress.skipped)) skipped (\(percent)%)"
        case .indexing:
            return "Search index: \(grouped(progress.rowsRead)) of \(grouped(progress.totalBytes)) wines (\(percent)%)"
        }
    }

    /// `number` with commas between groups of three digits (`100,646`), whatever the locale.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 {
                result.append(",")
            }
            result.append(digit)
        }
        return number < 0 ? "-" + result : result
    }
}
