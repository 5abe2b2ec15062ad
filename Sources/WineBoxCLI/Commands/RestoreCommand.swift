import Foundation
import WineBoxApp
import WineBoxConfig
import WineBoxServices

/// `winebox restore FILE`: checks a backup archive and restores it into the configured data directory, which
/// must hold no database and no images.
enum RestoreCommand {
    static func run(_ context: CommandContext) async -> Int32 {
        let loaded: LoadedConfiguration
        do {
            loaded = try context.loadConfiguration()
        } catch {
            context.output.printError("winebox: invalid configuration: \(error.message)")
            return ExitCode.configuration
        }
        let dataDirectory = loaded.configuration.storage.resolvedDataDirectory(
            currentDirectory: context.currentDirectory)
        let archive = BackupCommand.absolute(context.arguments.positionals.first ?? "", in: context)

        let printer = ProgressPrinter(output: context.output, command: "restore")
        let summary: RestoreSummary
        do {
            summary = try await DataRestore.restore(archive: archive, into: dataDirectory, progress: printer.report)
        } catch {
            context.output.printError("winebox: restore failed: \(BackupCommand.message(of: error))")
            return ExitCode.failure
        }

        let contents = summary.contents
        context.output.print(
            "Restored \(archive) into \(dataDirectory): database \(ByteCount.text(contents.databaseBytes)) at schema "
                + "version \(contents.schemaVersion), \(contents.imageCount) "
                + "\(contents.imageCount == 1 ? "image" : "images") (\(ByteCount.text(contents.imageBytes))), "
                + "backed up \(summary.archive.manifest.createdAt.formatted(.iso8601)) by WineBox "
                + "\(summary.archive.manifest.wineboxVersion).")
        return ExitCode.success
    }
}
