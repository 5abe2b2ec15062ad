import Foundation
import WineBoxCLI

// The `winebox` executable: everything lives in WineBoxCLI, so it can be tested.
let status = await WineBoxCommandLine.run(
    arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment,
    currentDirectory: FileManager.default.currentDirectoryPath)
exit(status)
