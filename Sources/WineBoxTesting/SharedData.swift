import Foundation

/// The project's shared test and demo data, in `../shared/data` next to the repository (see its README there).
public enum SharedData {
    /// The shared data folder: `WINEBOX_SHARED_DATA` when set; else the first `shared/data` found beside the
    /// repository or beside one of its parent folders (a checkout may sit deeper, as in CI); else the workplace's
    /// `/work/shared/data`. Tests that need it fail with the path they looked for when it is missing.
    public static var directory: String {
        if let configured = ProcessInfo.processInfo.environment["WINEBOX_SHARED_DATA"], !configured.isEmpty {
            return configured
        }
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.deletingLastPathComponent().appendingPathComponent("shared/data").path
            if FileManager.default.fileExists(atPath: candidate + "/README.md") {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        return "/work/shared/data"
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
