import Foundation
import WineBoxServices

/// The label photos and thumbnails in `<data_dir>/images`, as a backup stores them.
///
/// Every regular file whose path components are all safe names (``ArchivePath/isSafeComponent(_:)``) is backed
/// up as `images/<path>`; sub-folders are walked up to ``maximumDepth`` levels. Anything else is skipped and
/// reported: hidden files (such as an upload still being written), names with spaces or non-ASCII characters,
/// symbolic links, sockets. WineBox itself only ever stores safe names there. The folder itself may be a
/// symbolic link; links inside it are not followed.
enum ImageFolder {
    /// The folder's name inside the data directory, and the prefix of its entries in an archive.
    static let name = Application.imagesDirectoryName
    /// How many folder levels below `images/` are walked.
    static let maximumDepth = 8

    /// What a walk found.
    struct Listing {
        /// The files to back up, sorted by archive path.
        var items: [BackupArchiveWriter.Item] = []
        /// Paths (relative to the data directory) that were skipped.
        var skipped: [String] = []
    }

    /// Lists the folder at `path`; a missing folder lists as empty.
    ///
    /// - Throws: ``BackupError`` `.fileSystem` when a folder cannot be read.
    static func list(_ path: String) throws -> Listing {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return Listing()
        }
        guard isDirectory.boolValue else {
            throw BackupError(.fileSystem, "\(path) is not a folder, so it cannot hold the label images.")
        }
        var listing = Listing()
        try walk(path, archivePath: name, depth: 0, into: &listing)
        listing.items.sort { $0.path < $1.path }
        return listing
    }

    private static func walk(_ folder: String, archivePath: String, depth: Int, into listing: inout Listing) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw BackupError(.fileSystem, "Could not list the folder \(folder): \(error.localizedDescription)")
        }
        for name in names {
            let path = folder + "/" + name
            let entry = archivePath + "/" + name
            // attributesOfItem does not follow symbolic links, so a link reports itself.
            let type = (try? FileManager.default.attributesOfItem(atPath: path)[.type]) as? FileAttributeType
            guard ArchivePath.isSafeComponent(name) else {
                listing.skipped.append(entry)
                continue
            }
            switch type {
            case .typeRegular?:
                listing.items.append(BackupArchiveWriter.Item(path: entry, sourcePath: path))
            case .typeDirectory? where depth < maximumDepth:
                try walk(path, archivePath: entry, depth: depth + 1, into: &listing)
            default:
                listing.skipped.append(entry)
            }
        }
    }
}
