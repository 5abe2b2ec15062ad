import Foundation

/// The project's shared test and demo data, in `../shared/data` next to the repository (see its README there).
public enum SharedData {
    /// The shared data folder: `WINEBOX_SHARED_DATA` when set, else `../shared/data` beside the repository.
    public static var directory: String {
        if let configured = ProcessInfo.processInfo.environment["WINEBOX_SHARED_DATA"], !configured.isEmpty {
            return configured
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/data").path
    }

    /// The path of `name` inside the shared data folder, such as `xwines/XWines_Test_100_wines.csv`.
    public static func path(_ name: String) -> String {
        directory + "/" + name
    }

    /// The X-Wines Test version: 100 wines.
    public static var xwinesTestWines: String { path("xwines/XWines_Test_100_wines.csv") }
    /// The X-Wines Test version's 1,000 ratings of those wines.
    public static var xwinesTestRatings: String { path("xwines/XWines_Test_1K_ratings.csv") }

    /// The bytes of `<shared data>/<name>`.
    ///
    /// - Throws: an error naming the path when the file is missing (the shared folder must sit beside the checkout).
    public static func bytes(_ name: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path(name)) else {
            throw MissingFile(path: path(name))
        }
        return [UInt8](data)
    }

    /// A shared data file could not be read.
    public struct MissingFile: Error, CustomStringConvertible {
        public let path: String

        public var description: String { "missing test data \(path): the shared folder belongs beside the checkout" }
    }
}
