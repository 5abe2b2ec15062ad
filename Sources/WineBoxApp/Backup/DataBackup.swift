public import Foundation
public import WineBoxServices
import WineBoxStorage

/// `winebox backup`: one archive with a consistent copy of the database and every label image.
///
/// **Safe while the server runs.** The database is copied with SQLite's online backup API from one read
/// snapshot (``Database/backup(to:pagesPerStep:progress:)``), so the copy holds every transaction committed
/// before the backup began and is never a mix of before and after; the server's writes carry on meanwhile. The
/// images are read after the snapshot, so every image the copied database refers to is there, unless it was
/// deleted in between. The database is opened as it is: never created, never migrated.
///
/// **The archive** (see ``BackupArchiveWriter``): `manifest.json`, then `winebox.sqlite3`, then
/// `images/<file>` for each file of ``ImageFolder``, gzip-compressed. It holds password hashes, so it is written
/// with mode 0600. The database snapshot is staged in a hidden folder beside the output (same file system,
/// removed afterwards), never in `/tmp`.
public enum DataBackup {
    /// Backs up the data directory into a new archive at `output`.
    ///
    /// - Parameters:
    ///   - dataDirectory: The data directory (`storage.data_dir`, resolved to an absolute path).
    ///   - output: The archive to create; it must not exist, its folder must.
    ///   - now: The backup time recorded in the manifest.
    ///   - progress: Called from database and worker threads as the backup goes on.
    /// - Throws: ``BackupError`` (`.notFound` without a database, `.fileSystem`, `.sourceChanged`), or a storage
    ///   error when the database cannot be read.
    public static func create(
        dataDirectory: String, output: String, now: Date = Date(),
        progress: @escaping @Sendable (BackupProgress) -> Void = { _ in }
    ) async throws -> BackupSummary {
        let databasePath = dataDirectory + "/" + Application.databaseFileName
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw BackupError(
                .notFound,
                "There is no WineBox database in \(dataDirectory) (no \(Application.databaseFileName)), so there is "
                    + "nothing to back up. Check storage.data_dir.")
        }
        let parent = (output as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BackupError(.fileSystem, "The folder \(folder) for the backup does not exist.")
        }
        guard (try? FileManager.default.attributesOfItem(atPath: output)) == nil else {
            throw BackupError(.fileSystem, "\(output) already exists; choose another name or move it away.")
        }

        let staging = folder + "/.winebox-backup-" + UUID().uuidString.lowercased()
        do {
            try FileManager.default.createDirectory(
                atPath: staging, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw BackupError(.fileSystem, "Could not create a folder beside \(output): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(atPath: staging) }

        let snapshot = try await copyDatabase(databasePath, to: staging, progress: progress)
        let images = try ImageFolder.list(dataDirectory + "/" + ImageFolder.name)
        let items =
            [BackupArchiveWriter.Item(path: Application.databaseFileName, sourcePath: snapshot.path)] + images.items
        let archive = try await OffPool.run {
            try BackupArchiveWriter.write(
                to: output, schemaVersion: snapshot.schemaVersion,
                instanceID: snapshot.instanceID?.uuidString.lowercased(), createdAt: now, items: items,
                progress: progress)
        }
        return BackupSummary(archive: archive, skippedImages: images.skipped)
    }

    /// Copies the live database into `folder` from one read snapshot.
    private static func copyDatabase(
        _ path: String, to folder: String, progress: @escaping @Sendable (BackupProgress) -> Void
    ) async throws -> DatabaseSnapshot {
        let database = try await Database.openExisting(at: path, configuration: Database.Configuration(readerCount: 1))
        do {
            let snapshot = try await database.backup(to: folder + "/" + Application.databaseFileName) { step in
                progress(
                    BackupProgress(
                        stage: .copyingDatabase, files: step.copiedPages == step.totalPages ? 1 : 0, totalFiles: 1,
                        bytes: step.copiedBytes, totalBytes: step.totalBytes))
            }
            await database.close()
            return snapshot
        } catch {
            await database.close()
            throw error
        }
    }
}
