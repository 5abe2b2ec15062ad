import Foundation
import Testing
import WineBoxApp
import WineBoxServices
import WineBoxStorage
import WineBoxSupport
import WineBoxTesting

@Suite struct BackupRestoreTests {
    /// A data directory with a migrated database holding `events` audit events, two images (one in a sub-folder)
    /// and three files a backup must skip.
    private func makeDataDirectory(_ path: String, events: Int = 50) async throws {
        let database = try await Database.open(at: path + "/winebox.sqlite3")
        try await database.write { connection in
            for number in 0..<events {
                try AuditLog.record(
                    AuditEvent(occurredAt: Date(), kind: "backup_test_kind", detail: "event \(number)"), in: connection)
            }
        }
        await database.close()
        let images = path + "/images"
        try FileManager.default.createDirectory(atPath: images + "/thumbs", withIntermediateDirectories: true)
        try Data(SecureRandom.bytes(count: 300_000)).write(to: URL(fileURLWithPath: images + "/front.jpg"))
        try Data(SecureRandom.bytes(count: 2_000)).write(to: URL(fileURLWithPath: images + "/thumbs/front.jpg"))
        try Data("half an upload".utf8).write(to: URL(fileURLWithPath: images + "/.upload-1"))
        try Data("spaces".utf8).write(to: URL(fileURLWithPath: images + "/bad name.jpg"))
        try FileManager.default.createSymbolicLink(atPath: images + "/link.jpg", withDestinationPath: "/etc/hostname")
    }

    private func contents(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    private func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    @Test func backupThenRestoreGivesTheSameDataBack() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let source = directory.file("data")
        try await makeDataDirectory(source)
        let original = try await Database.open(at: source + "/winebox.sqlite3")
        let instance = try await original.instanceInfo()
        await original.close()

        let archive = directory.file("backups/backup.tar.gz")
        try FileManager.default.createDirectory(atPath: directory.file("backups"), withIntermediateDirectories: true)
        let backup = try await DataBackup.create(dataDirectory: source, output: archive)
        #expect(backup.skippedImages == ["images/.upload-1", "images/bad name.jpg", "images/link.jpg"])
        #expect(backup.contents.imageCount == 2)
        #expect(backup.contents.imageBytes == 302_000)
        #expect(backup.archive.manifest.instanceID == instance.instanceID.uuidString.lowercased())
        #expect(try mode(archive) == 0o600)
        #expect(contents(directory.file("backups")) == ["backup.tar.gz"], "no staging files are left")
        let entries = try TestArchive.read(archive)
        #expect(
            entries.map(\.name) == ["manifest.json", "winebox.sqlite3", "images/front.jpg", "images/thumbs/front.jpg"])

        let target = directory.file("restored/data")
        let restore = try await DataRestore.restore(archive: archive, into: target)
        #expect(restore.contents == backup.contents)
        #expect(contents(target) == ["images", "winebox.sqlite3"])
        #expect(try mode(target) == 0o700)
        #expect(try mode(target + "/winebox.sqlite3") == 0o600)
        for image in ["images/front.jpg", "images/thumbs/front.jpg"] {
            #expect(FileManager.default.contentsEqual(atPath: source + "/" + image, andPath: target + "/" + image))
        }
        let restoredBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: target + "/winebox.sqlite3")))
        #expect(restoredBytes == entries[1].bytes, "the restored database is the snapshot, byte for byte")

        // The app's own opening path (migrator included) accepts the restored database.
        let restored = try await Database.open(at: target + "/winebox.sqlite3")
        #expect(try await restored.integrityCheck().isEmpty)
        #expect(try await restored.instanceInfo().instanceID == instance.instanceID)
        #expect(try await restored.read { try AuditLog.count(kind: "backup_test_kind", in: $0) } == 50)
        await restored.close()
    }

    @Test func aDataDirectoryWithoutImagesBacksUpItsDatabase() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try await Database.open(at: directory.file("data/winebox.sqlite3"))
        await database.close()
        let backup = try await DataBackup.create(
            dataDirectory: directory.file("data"), output: directory.file("backup.tar.gz"))
        #expect(backup.contents.imageCount == 0)
        #expect(backup.skippedImages.isEmpty)

        try FileManager.default.createDirectory(
            atPath: directory.file("target/images"), withIntermediateDirectories: true)
        try directory.write("not WineBox data", to: "target/notes.txt")
        _ = try await DataRestore.restore(archive: directory.file("backup.tar.gz"), into: directory.file("target"))
        #expect(contents(directory.file("target")) == ["images", "notes.txt", "winebox.sqlite3"])
    }

    @Test func backingUpWithoutADatabaseSaysSo() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let error = await #expect(throws: BackupError.self) {
            try await DataBackup.create(dataDirectory: directory.file("data"), output: directory.file("b.tar.gz"))
        }
        #expect(error?.code == .notFound)
        #expect(contents(directory.path).isEmpty)
    }

    @Test(arguments: [
        RestoreTampering.changedImageByte, .manifestMismatch, .extraEntry, .parentDirectoryName,
        .truncated, .foreignEntry, .newerSchemaInManifest, .damagedDatabase,
    ])
    func aTamperedBackupChangesNothing(_ tampering: RestoreTampering) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await makeDataDirectory(directory.file("data"))
        let honest = directory.file("honest.tar.gz")
        _ = try await DataBackup.create(dataDirectory: directory.file("data"), output: honest)
        let tampered = directory.file("tampered.tar.gz")
        try tampering.apply(honest: honest, tampered: tampered)

        for target in [directory.file("missing"), directory.file("existing")] {
            if target.hasSuffix("existing") {
                try directory.write("keep", to: "existing/notes.txt")
            }
            let error = await #expect(throws: BackupError.self) {
                try await DataRestore.restore(archive: tampered, into: target)
            }
            #expect(error?.code == tampering.expectedCode, "\(error?.message ?? "")")
            if target.hasSuffix("existing") {
                #expect(contents(target) == ["notes.txt"])
            } else {
                #expect(!FileManager.default.fileExists(atPath: target))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("evil")))
    }

    @Test func aRestoreNeverOverwritesData() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await makeDataDirectory(directory.file("data"))
        let archive = directory.file("backup.tar.gz")
        _ = try await DataBackup.create(dataDirectory: directory.file("data"), output: archive)

        let databaseBefore = try Data(contentsOf: URL(fileURLWithPath: directory.file("data/winebox.sqlite3")))
        let intoLiveData = await #expect(throws: BackupError.self) {
            try await DataRestore.restore(archive: archive, into: directory.file("data"))
        }
        #expect(intoLiveData?.code == .targetNotEmpty)
        #expect(intoLiveData?.message.contains("already holds a WineBox database") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory.file("data/winebox.sqlite3"))) == databaseBefore)
        #expect(!contents(directory.file("data")).contains { $0.hasPrefix(".winebox-restore") })

        try directory.write("a photo", to: "other/images/photo.jpg")
        let intoImages = await #expect(throws: BackupError.self) {
            try await DataRestore.restore(archive: archive, into: directory.file("other"))
        }
        #expect(intoImages?.code == .targetNotEmpty)
        #expect(contents(directory.file("other")) == ["images"])
        #expect(contents(directory.file("other/images")) == ["photo.jpg"])
    }

    @Test func aDatabaseFromANewerWineBoxIsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let latest = Migrator(WineBoxMigrations.all).latestVersion
        let future = Migration(version: latest + 1, name: "from_the_future", sql: "CREATE TABLE future (id INTEGER)")
        let database = try await Database.open(
            at: directory.file("data/winebox.sqlite3"), migrations: WineBoxMigrations.all + [future])
        await database.close()

        let archive = directory.file("backup.tar.gz")
        let backup = try await DataBackup.create(dataDirectory: directory.file("data"), output: archive)
        #expect(backup.archive.manifest.schemaVersion == latest + 1)
        let error = await #expect(throws: BackupError.self) {
            try await DataRestore.restore(archive: archive, into: directory.file("target"))
        }
        #expect(error?.code == .incompatible)
        #expect(error?.message.contains("schema version \(latest + 1)") == true)
        #expect(!FileManager.default.fileExists(atPath: directory.file("target")))
    }
}

/// Ways to damage an honest backup, each with the error a restore must answer.
enum RestoreTampering: String, CaseIterable, Sendable {
    case changedImageByte, manifestMismatch, extraEntry, parentDirectoryName, truncated, foreignEntry
    case newerSchemaInManifest, damagedDatabase

    var expectedCode: BackupError.Code {
        switch self {
        case .changedImageByte, .manifestMismatch, .extraEntry: return .mismatch
        case .parentDirectoryName, .foreignEntry: return .unsafeEntry
        case .truncated: return .unreadable
        case .newerSchemaInManifest: return .incompatible
        case .damagedDatabase: return .damagedDatabase
        }
    }

    func apply(honest: String, tampered: String) throws {
        if self == .truncated {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: honest))
            try bytes.prefix(bytes.count * 2 / 3).write(to: URL(fileURLWithPath: tampered))
            return
        }
        var entries = try TestArchive.read(honest)
        let manifest = try BackupManifest.decode(entries[0].bytes)
        var listed = manifest.entries
        var schemaVersion = manifest.schemaVersion
        switch self {
        case .changedImageByte:
            entries[2].bytes[1_000] ^= 0x80
        case .manifestMismatch:
            listed[1] = BackupManifest.Entry(path: listed[1].path, size: listed[1].size, sha256: listed[0].sha256)
        case .extraEntry:
            entries.append(.file("images/extra.jpg", "not listed"))
        case .parentDirectoryName:
            entries.insert(.file("../evil", "escaped"), at: 1)
        case .foreignEntry:
            entries.append(.file("config.toml", "[server]\n"))
            listed.append(
                BackupManifest.Entry(
                    path: "config.toml", size: 9, sha256: Hex.encode(Digest.sha256(Array("[server]\n".utf8)))))
        case .newerSchemaInManifest:
            schemaVersion = 999
        case .damagedDatabase:
            // Change one stored kind in place: the audit_event table and its kind index now disagree. The manifest
            // is updated to match, so only SQLite's integrity check can notice.
            let marker = Array("backup_test_kind".utf8)
            var bytes = entries[1].bytes
            let offset = (0...(bytes.count - marker.count)).last { Array(bytes[$0..<$0 + marker.count]) == marker }
            guard let offset else { throw TestArchive.Failure(description: "marker not found") }
            bytes.replaceSubrange(offset..<offset + 6, with: Array("BACKUP".utf8))
            entries[1].bytes = bytes
            listed[0] = BackupManifest.Entry(
                path: listed[0].path, size: listed[0].size, sha256: Hex.encode(Digest.sha256(bytes)))
        case .truncated:
            break
        }
        entries[0].bytes = BackupManifest(
            wineboxVersion: manifest.wineboxVersion, schemaVersion: schemaVersion, instanceID: manifest.instanceID,
            createdAt: manifest.createdAt, entries: listed
        ).encoded()
        try TestArchive.write(entries, to: tampered)
    }
}
