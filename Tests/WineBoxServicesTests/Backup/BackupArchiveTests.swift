import Foundation
import Testing
import WineBoxServices
import WineBoxSupport
import WineBoxTesting

@Suite struct BackupArchiveTests {
    /// Source files of several sizes (one spans many read chunks) and the items that store them.
    private func makeSources(in directory: TemporaryDirectory) throws -> [BackupArchiveWriter.Item] {
        let files: [(String, [UInt8])] = [
            ("winebox.sqlite3", (0..<700_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }),
            ("images/label.jpg", Array("front label".utf8)),
            ("images/empty.png", []),
            ("images/thumbs/label.jpg", SecureRandom.bytes(count: 5_000)),
        ]
        return try files.map { name, bytes in
            let source = directory.file("source/" + name)
            try FileManager.default.createDirectory(
                atPath: (source as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: source))
            return BackupArchiveWriter.Item(path: name, sourcePath: source)
        }
    }

    private func writeArchive(_ items: [BackupArchiveWriter.Item], to path: String) throws -> BackupArchive {
        try BackupArchiveWriter.write(
            to: path, schemaVersion: 2, instanceID: "4c1e2a34-5b6f-4a8e-9f10-1a2b3c4d5e6f",
            createdAt: Date(timeIntervalSince1970: 1_800_000_000.75), items: items)
    }

    @Test func roundTripRestoresEveryFileByteForByte() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let items = try makeSources(in: directory)
        let output = directory.file("backup.tar.gz")
        var writeStages: [BackupProgress] = []
        let written = try BackupArchiveWriter.write(
            to: output, schemaVersion: 2, instanceID: nil, createdAt: Date(), items: items
        ) { writeStages.append($0) }

        #expect(written.manifest.entries.map(\.path) == items.map(\.path))
        #expect(written.manifest.wineboxVersion == WineBoxVersion.current)
        #expect(written.manifest.formatVersion == 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: output)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((attributes[.size] as? Int).map(Int64.init) == written.byteCount)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["backup.tar.gz", "source"])
        #expect(try TestArchive.read(output).map(\.name) == ["manifest.json"] + items.map(\.path))
        #expect(
            writeStages.last
                == BackupProgress(
                    stage: .writingArchive, files: 4, totalFiles: 4, bytes: written.manifest.totalSize,
                    totalBytes: written.manifest.totalSize))

        var extractStages: [BackupProgress] = []
        let target = directory.file("restored")
        let read = try BackupArchiveReader.extract(
            archiveAt: output, into: target, progress: { extractStages.append($0) })
        #expect(read.manifest == written.manifest)
        for item in items {
            #expect(FileManager.default.contentsEqual(atPath: item.sourcePath, andPath: target + "/" + item.path))
            let mode = try FileManager.default.attributesOfItem(atPath: target + "/" + item.path)[.posixPermissions]
            #expect((mode as? Int) == 0o600)
        }
        #expect(extractStages.last?.files == 4)
    }

    @Test func theManifestRecordsWholeSecondsInUTC() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let output = directory.file("backup.tar.gz")
        let written = try writeArchive(try makeSources(in: directory), to: output)
        let manifest = try #require(try TestArchive.read(output).first)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(manifest.bytes)) as? [String: Any])
        #expect(json["created_at"] as? String == "2027-01-15T08:00:00Z")
        #expect(json["schema_version"] as? Int == 2)
        #expect(json["instance_id"] as? String == "4c1e2a34-5b6f-4a8e-9f10-1a2b3c4d5e6f")
        let entries = try #require(json["entries"] as? [[String: Any]])
        #expect(entries.first?["sha256"] as? String == written.manifest.entries.first?.sha256)
        #expect(entries.first?["size"] as? Int == 700_000)
    }

    @Test func anExistingOutputIsNeverReplaced() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let output = try directory.write("keep me", to: "backup.tar.gz")
        let error = #expect(throws: BackupError.self) { try writeArchive(try makeSources(in: directory), to: output) }
        #expect(error?.code == .fileSystem)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "keep me")
    }

    @Test(arguments: Tampering.allCases)
    func aTamperedArchiveIsRefusedAndLeavesNothingBehind(_ tampering: Tampering) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let honest = directory.file("honest.tar.gz")
        _ = try writeArchive(try makeSources(in: directory), to: honest)
        let tampered = directory.file("tampered.tar.gz")
        try tampering.apply(honest: honest, tampered: tampered)

        let target = directory.file("target")
        let error = #expect(throws: BackupError.self) {
            try BackupArchiveReader.extract(archiveAt: tampered, into: target)
        }
        #expect(error?.code == tampering.expectedCode, "\(error?.message ?? "")")
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(!FileManager.default.fileExists(atPath: directory.file("evil")))
    }

    @Test func theValidatorCanRefuseBeforeAnythingIsExtracted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = directory.file("backup.tar.gz")
        _ = try writeArchive(try makeSources(in: directory), to: archive)
        let target = directory.file("target")
        let error = #expect(throws: BackupError.self) {
            try BackupArchiveReader.extract(archiveAt: archive, into: target) { manifest throws(BackupError) in
                throw BackupError(.incompatible, "schema \(manifest.schemaVersion) refused")
            }
        }
        #expect(error?.message == "schema 2 refused")
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}

/// Ways to damage an honest archive, each with the error a restore must answer.
enum Tampering: String, CaseIterable, Sendable {
    case changedByteInAnImage, manifestSizeMismatch, manifestDigestMismatch, extraEntry, repeatedEntry, missingEntry
    case parentDirectoryName, absoluteName, symbolicLink, hardLink, device, directory, noManifestFirst
    case newerFormat, truncated, notAnArchive

    var expectedCode: BackupError.Code {
        switch self {
        case .changedByteInAnImage, .manifestSizeMismatch, .manifestDigestMismatch, .extraEntry, .repeatedEntry,
            .missingEntry:
            return .mismatch
        case .parentDirectoryName, .absoluteName, .symbolicLink, .hardLink, .device, .directory:
            return .unsafeEntry
        case .newerFormat:
            return .incompatible
        case .noManifestFirst, .truncated, .notAnArchive:
            return .unreadable
        }
    }

    func apply(honest: String, tampered: String) throws {
        if self == .truncated {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: honest))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: tampered))
            return
        }
        if self == .notAnArchive {
            try Data(String(repeating: "not a backup\n", count: 50).utf8).write(to: URL(fileURLWithPath: tampered))
            return
        }
        var entries = try TestArchive.read(honest)
        let manifest = try BackupManifest.decode(entries[0].bytes)
        switch self {
        case .changedByteInAnImage:
            entries[2].bytes[3] ^= 0x01
        case .manifestSizeMismatch, .manifestDigestMismatch, .newerFormat:
            var listed = manifest.entries
            let first = listed[0]
            listed[0] = BackupManifest.Entry(
                path: first.path, size: self == .manifestSizeMismatch ? first.size + 1 : first.size,
                sha256: self == .manifestDigestMismatch ? String(repeating: "0", count: 64) : first.sha256)
            let changed = BackupManifest(
                formatVersion: self == .newerFormat ? 2 : 1, wineboxVersion: "9.0.0",
                schemaVersion: manifest.schemaVersion, instanceID: manifest.instanceID, createdAt: manifest.createdAt,
                entries: listed)
            entries[0].bytes = changed.encoded()
        case .extraEntry:
            entries.append(.file("images/extra.jpg", "not listed"))
        case .repeatedEntry:
            entries.append(entries[2])
        case .missingEntry:
            entries.remove(at: 3)
        case .parentDirectoryName:
            entries.insert(.file("../evil", "escaped"), at: 1)
        case .absoluteName:
            entries.insert(.file("/tmp/evil", "escaped"), at: 1)
        case .symbolicLink:
            entries.insert(TestArchive.Entry(name: "images/link.jpg", kind: .symbolicLink(to: "/etc/passwd")), at: 1)
        case .hardLink:
            entries.insert(TestArchive.Entry(name: "images/hard.jpg", kind: .hardLink(to: "winebox.sqlite3")), at: 2)
        case .device:
            entries.insert(TestArchive.Entry(name: "images/null", kind: .characterDevice), at: 1)
        case .directory:
            entries.insert(TestArchive.Entry(name: "images", kind: .directory), at: 1)
        case .noManifestFirst:
            entries.swapAt(0, 1)
        case .truncated, .notAnArchive:
            break
        }
        try TestArchive.write(entries, to: tampered)
    }
}
