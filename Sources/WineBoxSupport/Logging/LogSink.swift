import Foundation
import Synchronization

/// Where formatted log lines go. Implementations must be safe to call from any thread.
public protocol LogSink: Sendable {
    /// Writes one complete line; `line` has no trailing newline.
    func write(line: String)
}

/// Writes lines to standard error, one `write(2)` per line so lines from different threads never interleave.
public struct StandardErrorSink: LogSink {
    public init() {}

    public func write(line: String) {
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 {
                    return
                }
                offset += written
            }
        }
    }
}

/// Keeps lines in memory; used by tests to assert what was logged (and what was not).
public final class MemoryLogSink: LogSink {
    private let storage = Mutex<[String]>([])

    public init() {}

    public func write(line: String) {
        storage.withLock { $0.append(line) }
    }

    /// Every line written so far, oldest first.
    public var lines: [String] {
        storage.withLock { $0 }
    }
}
