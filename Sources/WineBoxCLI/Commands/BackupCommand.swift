import Foundation
import WineBoxApp
import WineBoxConfig
import WineBoxServices
import WineBoxStorage

/// `winebox backup [--output FILE]`: writes one archive with a consistent copy of the database and the images,
/// safe while `winebox serve` runs on the same data directory.
enum BackupCommand {
    /// How many skipped image names are listed before the rest are only counted.
    static let skippedNamesShown = 10

    static func run(_ context: CommandContext, now: Date = Date()) async -> Int32 {
        let loaded: LoadedConfiguration
        do {
            loaded = try context.loadConfiguration()
        } catch {
            context.output.printError("winebox: invalid configuration: \(error.message)")
            return ExitCode.configuration
        }
        let dataDirectory = loaded.configuration.storage.resolvedDataDirectory(
            currentDirectory: context.currentDirectory)
        let output = absolute(context.arguments.value("output") ?? defaultFileName(at: now), in: context)

        let printer = ProgressPrinter(output: context.output, command: "backup")
        let summary: BackupSummary
        do {
            summary = try await DataBackup.create(
                dataDirectory: dataDirectory, output: output, now: now, progress: printer.report)
        } catch {
            context.output.printError("winebox: backup failed: \(message(of: error))")
            return ExitCode.failure
        }

        for name in summary.skippedImages.prefix(skippedNamesShown) {
            context.output.printError(
                "warning: skipped \(ArchivePath.printable(name)): not a regular file with a safe name")
        }
        if summary.skippedImages.count > skippedNamesShown {
            context.output.printError(
                "warning: skipped \(summary.skippedImages.count - skippedNamesShown) more files under images/")
        }
        let contents = summary.contents
        context.output.print(
            "Backed up \(dataDirectory) to \(output) (\(ByteCount.text(summary.archive.byteCount))): database "
                + "\(ByteCount.text(contents.databaseBytes)) at schema version \(contents.schemaVersion), "
                + "\(contents.imageCount) \(contents.imageCount == 1 ? "image" : "images") "
                + "(\(ByteCount.text(contents.imageBytes))).")
        return ExitCode.success
    }

    /// `winebox-backup-YYYYMMDD-HHMMSS.tar.gz` for `date`, in UTC like the manifest's `created_at`.
    static func defaultFileName(at date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return "winebox-backup-\(formatter.string(from: date)).tar.gz"
    }

    /// `path` unchanged when absolute, else inside the command's current directory.
    static func absolute(_ path: String, in context: CommandContext) -> String {
        path.hasPrefix("/") ? path : context.currentDirectory + "/" + path
    }

    /// The safe message of a backup or storage error; any other error as it describes itself.
    static func message(of error: any Error) -> String {
        if let backup = error as? BackupError {
            return backup.message
        }
        if let storage = error as? StorageError {
            return storage.message
        }
        return String(describing: error)
    }
}
