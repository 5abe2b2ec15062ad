import Foundation

/// The shared test data beside the checkout (`../shared/data`, read-only; see its README).
public enum TestData {
    /// `../shared/data` relative to this checkout.
    public static let directory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data").standardizedFileURL.path

    /// The bytes of `shared/data/<relativePath>`.
    ///
    /// - Throws: an error naming the path when the file is missing (the shared folder must sit beside the checkout).
    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        let path = directory + "/" + relativePath
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MissingTestData(path: path)
        }
        return [UInt8](data)
    }

    /// A test data file could not be read.
    public struct MissingTestData: Error, CustomStringConvertible {
        public let path: String

        public var description: String { "missing test data \(path): the shared folder belongs beside the checkout" }
    }
}
