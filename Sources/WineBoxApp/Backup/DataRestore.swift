import Foundation
public import WineBoxServices
import WineBoxStorage
import WineBoxSupport

/// `winebox restore FILE`: checks a backup archive completely, then restores it into an empty data directory.
///
/// **Only into an empty place.** The data directory must be missing, or hold no database (`winebox.sqlite3` and
/// its `-wal`/`-shm`) and no images (`images/` missing or empty). Other files in it are left alone. Anything else
/// is refused with `.targetNotEmpty` before a single byte is written: a restore never overwrites data.
///
/// **Checked before it counts.** The archive is extracted into a hidden folder inside the data directory (same
/// file system, so the final moves are renames) by ``BackupArchiveReader``, which proves every entry against the
/// manifest. The manifest must list the database and nothing outside `images/`, with a schema version this build
/// knows; then the extracted database must pass `PRAGMA integrity_check`, carry the schema version the manifest
/// claims and a migration history this build can open. Only then are `images/` and the database moved into
/// place, the database last.
///
/// **All or nothing.** When anything fails, the hidden folder is removed, anything already moved is moved back,
/// and a data directory the restore created is removed again: the target is left as it was.
public enum DataRestore {
    /// Restores the archive at `archive` into `dataDirectory`.
    ///
    /// - Parameters:
    ///   - archive: The backup file.
    ///   - dataDirectory: The data directory (`storage.data_dir`, resolved to an absolute path).
    ///   - progress: Called from worker threads as the restore goes on.
    /// - Throws: ``BackupError``: `.targetNotEmpty`, `.incompatible` (newer format or schema),
    ///   `.damagedDatabase`, and everything ``BackupArchiveReader/extract(archiveAt:into:validate:progress:)``
    ///   throws.
    public static func restore(
        archive: String, into dataDirectory: String, progress: @escaping @Sendable (BackupProgress) -> Void = { _ in }
    ) async throws -> RestoreSummary {
        guard FileManager.default.fileExists(atPath: archive) else {
            throw BackupError(.fileSystem, "There is no backup file at \(archive).")
        }
        let createdTarget = try prepareTarget(dataDirectory)
        let staging = dataDirectory + "/.winebox-restore-" + UUID().uuidString.lowercased()
        do {
            let extracted = try await OffPool.run {
                try BackupArchiveReader.extract(
                    archiveAt: archive, into: staging, validate: checkManifest, progress: progress)
            }
            try await checkDatabase(staging + "/" + Application.databaseFileName, extracted.manifest, progress)
            try moveIntoPlace(from: staging, to: dataDirectory)
            try? FileManager.default.removeItem(atPath: staging)
            return RestoreSummary(archive: extracted, dataDirectory: dataDirectory)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            if createdTarget {
                try? FileManager.default.removeItem(atPath: dataDirectory)
            }
            throw error
        }
    }

    /// Refuses a data directory that holds data; creates a missing one (mode 0700) and returns true then.
    private static func prepareTarget(_ directory: String) throws -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw BackupError(
                    .fileSystem, "Could not create the data directory \(directory): \(error.localizedDescription)")
            }
            return true
        }
        guard isDirectory.boolValue else {
            throw BackupError(.fileSystem, "\(directory) is not a folder, so it cannot be the data directory.")
        }
        try requireNoData(in: directory)
        return false
    }

    /// Throws `.targetNotEmpty` when `directory` holds a database or images.
    private static func requireNoData(in directory: String) throws {
        let database = Application.databaseFileName
        for name in [database, database + "-wal", database + "-shm"] {
            if (try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)) != nil {
                throw BackupError(
                    .targetNotEmpty,
                    "The data directory \(directory) already holds a WineBox database (\(name)); restore only into "
                        + "an empty or new data directory. Move the existing data away first, or point "
                        + "storage.data_dir (WINEBOX_STORAGE_DATA_DIR) at a new folder. Nothing was changed.")
            }
        }
        let images = directory + "/" + ImageFolder.name
        if (try? FileManager.default.attributesOfItem(atPath: images)) != nil {
            let contents = try? FileManager.default.contentsOfDirectory(atPath: images)
            guard let contents, contents.isEmpty else {
                throw BackupError(
                    .targetNotEmpty,
                    "The data directory \(directory) already holds images (\(images) is not an empty folder); "
                        + "restore only into an empty or new data directory. Nothing was changed.")
            }
        }
    }

    /// The checks on the manifest, before anything is extracted.
    private static func checkManifest(_ manifest: BackupManifest) throws(BackupError) {
        guard manifest.entry(Application.databaseFileName) != nil else {
            throw BackupError(
                .unreadable, "The backup holds no database (\(Application.databaseFileName)); nothing was restored.")
        }
        for entry in manifest.entries
        where entry.path != Application.databaseFileName && !entry.path.hasPrefix(ImageFolder.name + "/") {
            throw BackupError(
                .unsafeEntry,
                "The backup holds \(entry.path), which is not part of a WineBox data directory; nothing was "
                    + "restored.")
        }
        let latest = Migrator(WineBoxMigrations.all).latestVersion
        guard manifest.schemaVersion <= latest else {
            throw newerSchema(manifest.schemaVersion, manifest: manifest, latest: latest)
        }
    }

    /// The checks on the extracted database.
    private static func checkDatabase(
        _ path: String, _ manifest: BackupManifest, _ progress: @Sendable (BackupProgress) -> Void
    ) async throws {
        let size = manifest.entry(Application.databaseFileName)?.size ?? 0
        progress(BackupProgress(stage: .checkingDatabase, files: 0, totalFiles: 1, bytes: 0, totalBytes: size))
        let report: DatabaseFileReport
        do {
            report = try await Database.inspectFile(at: path)
        } catch {
            throw BackupError(.damagedDatabase, "The database in the backup cannot be opened: \(message(of: error))")
        }
        if let problem = report.integrityProblems.first {
            throw BackupError(
                .damagedDatabase,
                "The database in the backup fails SQLite's integrity check (\(problem)); nothing was restored.")
        }
        let latest = Migrator(WineBoxMigrations.all).latestVersion
        guard report.schemaVersion <= latest else {
            throw newerSchema(report.schemaVersion, manifest: manifest, latest: latest)
        }
        guard report.schemaVersion == manifest.schemaVersion else {
            throw BackupError(
                .mismatch,
                "The backup's manifest says schema version \(manifest.schemaVersion), but its database is at "
                    + "version \(report.schemaVersion); nothing was restored.")
        }
        if let problem = report.compatibilityProblem {
            throw BackupError(.incompatible, "This WineBox cannot use the database in the backup: \(problem)")
        }
        progress(BackupProgress(stage: .checkingDatabase, files: 1, totalFiles: 1, bytes: size, totalBytes: size))
    }

    /// Moves `images/` and then the database from `staging` into `directory`, never over existing data; undoes the
    /// images move when the database cannot follow.
    private static func moveIntoPlace(from staging: String, to directory: String) throws {
        try requireNoData(in: directory)
        let stagedImages = staging + "/" + ImageFolder.name
        let images = directory + "/" + ImageFolder.name
        let hasImages = FileManager.default.fileExists(atPath: stagedImages)
        let hadEmptyImages = FileManager.default.fileExists(atPath: images)
        if hasImages {
            // rename(2) replaces an empty folder and refuses a non-empty one, so images that appeared meanwhile
            // are never overwritten.
            guard rename(stagedImages, images) == 0 else {
                throw failure("Could not move the restored images into", images)
            }
        }

        let stagedDatabase = staging + "/" + Application.databaseFileName
        let database = directory + "/" + Application.databaseFileName
        // link(2) fails when the name exists, unlike rename(2): a database that appeared meanwhile is kept.
        guard link(stagedDatabase, database) == 0 else {
            let error = failure("Could not move the restored database to", database)
            if hasImages {
                rename(images, stagedImages)
                if hadEmptyImages {
                    mkdir(images, 0o700)
                }
            }
            throw error
        }
        unlink(stagedDatabase)
        syncDirectory(directory)
    }

    private static func newerSchema(_ version: Int, manifest: BackupManifest, latest: Int) -> BackupError {
        BackupError(
            .incompatible,
            "This backup holds a database at schema version \(version), written by WineBox "
                + "\(manifest.wineboxVersion); this WineBox (\(WineBoxVersion.current)) knows schema versions up to "
                + "\(latest). Restore it with WineBox \(manifest.wineboxVersion) or newer. Nothing was restored.")
    }

    private static func failure(_ action: String, _ path: String) -> BackupError {
        BackupError(.fileSystem, "\(action) \(path): \(String(cString: strerror(errno))). Nothing was restored.")
    }

    private static func message(of error: any Error) -> String {
        (error as? StorageError)?.message ?? String(describing: error)
    }

    private static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
