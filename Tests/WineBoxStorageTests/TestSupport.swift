import Foundation
import WineBoxStorage

/// Creates a fresh directory under the system temporary directory, passes its path to `body`, and removes the
/// directory (with everything in it) afterwards, whether `body` returns or throws.
func withTemporaryDirectory<Result>(_ body: (String) async throws -> Result) async throws -> Result {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("winebox-storage-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// Opens a file database in a fresh temporary directory, passes it to `body`, then closes it and removes the
/// directory.
func withTemporaryDatabase<Result>(
    configuration: Database.Configuration = Database.Configuration(),
    _ body: (Database) async throws -> Result
) async throws -> Result {
    try await withTemporaryDirectory { directory in
        let database = try Database(path: directory + "/test.sqlite", configuration: configuration)
        do {
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }
}

/// An error a test closure throws on purpose.
struct DeliberateFailure: Error {}
