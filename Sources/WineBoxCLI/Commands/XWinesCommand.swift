import Foundation
import WineBoxApp
import WineBoxConfig
import WineBoxStorage

/// `winebox xwines import FILE [--ratings FILE] [--config FILE]`: loads the X-Wines reference data set.
enum XWinesCommand {
    static func run(_ context: CommandContext) async -> Int32 {
        var arguments = context.arguments
        if let configPath = arguments.value("config") {
            arguments.configPath = configPath
        }
        let context = CommandContext(
            arguments: arguments, environment: context.environment, currentDirectory: context.currentDirectory,
            output: context.output)
        let loaded: LoadedConfiguration
        do {
            loaded = try context.loadConfiguration()
        } catch {
            context.output.printError("winebox: invalid configuration: \(error.message)")
            return ExitCode.configuration
        }
        let winesPath = absolute(arguments.positionals.first ?? "", in: context.currentDirectory)
        let ratingsPath = arguments.value("ratings").map { absolute($0, in: context.currentDirectory) }

        let database: Database
        do {
            database = try await Application.openDatabase(configuration: loaded.configuration)
        } catch {
            context.output.printError("winebox: \(error)")
            return ExitCode.failure
        }
        let display = ImportProgressDisplay(output: context.output)
        do {
            let summary = try await XWinesImporter(database: database).importFile(
                winesPath, ratings: ratingsPath, progress: display.show)
            display.finish()
            await database.close()
            context.output.print(report(summary, wines: winesPath, ratings: ratingsPath))
            return ExitCode.success
        } catch {
            display.finish()
            await database.close()
            context.output.printError("winebox: \(error)")
            return ExitCode.failure
        }
    }

    /// The final summary: counts, time, and the first skipped records.
    static func report(_ summary: XWinesImportSummary, wines: String, ratings: String?) -> String {
        let count = ImportProgressDisplay.grouped
        var lines = [
            "Imported \(fileName(wines)) (X-Wines \(summary.variant) version): \(count(summary.winesRead)) "
                + "wines read, \(count(summary.inserted)) new, \(count(summary.updated)) updated, "
                + "\(count(summary.unchanged)) unchanged, \(count(summary.skipped)) skipped"
        ]
        if let ratings {
            lines.append(
                "Ratings from \(fileName(ratings)): \(count(summary.ratingsRead)) read, "
                    + "\(count(summary.ratingsSkipped)) skipped, \(count(summary.ratingsUnmatched)) of wines not "
                    + "in the wines file")
        }
        lines.append(
            "The reference now holds \(count(summary.wineCount)) wines (\(String(format: "%.1f", summary.seconds)) s)")
        if !summary.problems.isEmpty {
            lines.append("Skipped records (first \(summary.problems.count)):")
            lines += summary.problems.map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    private static func absolute(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") ? path : directory + "/" + path
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
