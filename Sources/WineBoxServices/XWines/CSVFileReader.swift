import Foundation
public import WineBoxDomain

/// Reads a CSV file record by record, in chunks of ``chunkSize`` bytes, so that a file of any size (the X-Wines
/// ratings file has 21 million rows) needs memory for one chunk and one record only.
///
/// **Threading.** The reads block: call ``forEachRecord(_:)`` on a thread of its own, never on Swift's
/// cooperative pool.
public struct CSVFileReader: Sendable {
    /// The size of each read: 256 KiB.
    public static let chunkSize = 256 * 1024

    /// The file's path, as given.
    public let path: String
    /// The file's size in bytes when it was opened, for progress by bytes.
    public let size: Int

    /// Checks that `path` names a readable regular file.
    ///
    /// - Throws: ``WineBoxError`` `.invalidInput` when it does not exist, is a directory or cannot be read.
    public init(path: String) throws(WineBoxError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw WineBoxError(.invalidInput, "\(path): no such file")
        }
        guard !isDirectory.boolValue else {
            throw WineBoxError(.invalidInput, "\(path) is a directory, not a CSV file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw WineBoxError(.invalidInput, "\(path) cannot be read (permissions?)")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        self.path = path
        self.size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// The file's name without its folder.
    public var fileName: String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Calls `body` with every record of the file, in order, and the number of bytes read so far.
    ///
    /// - Throws: ``WineBoxError`` when the file cannot be read or is not CSV (see ``CSVParser``), or whatever
    ///   `body` throws; reading stops there.
    public func forEachRecord(_ body: (CSVRecord, _ bytesRead: Int) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw WineBoxError(.invalidInput, "\(path) cannot be opened: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }

        var parser = CSVParser()
        var bytesRead = 0
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Self.chunkSize)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, Self.chunkSize)
            if count < 0 {
                if errno == EINTR {
                    continue
                }
                throw WineBoxError(.invalidInput, "\(path) cannot be read: \(String(cString: strerror(errno)))")
            }
            if count == 0 {
                break
            }
            bytesRead += count
            try parser.consume(UnsafeBufferPointer(rebasing: buffer[0..<count])) { record in
                try body(record, bytesRead)
            }
        }
        try parser.finish { record in try body(record, bytesRead) }
    }
}
