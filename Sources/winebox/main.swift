import Dispatch
import Foundation
import WineBoxCLI

// The `winebox` executable: everything lives in WineBoxCLI, so it can be tested.
//
// The command runs as a task, which ends the process with its exit status, while the main thread waits. Top-level
// `await` would instead give the main thread to dispatch_main(), which ends it with pthread_exit(): the forced
// unwind of its stack reads about half a megabyte of the binary's unwind tables, resident for the life of a server.
// The main queue is therefore never drained: nothing in WineBox may run on the main actor or `DispatchQueue.main`.
let arguments = Array(CommandLine.arguments.dropFirst())
let environment = ProcessInfo.processInfo.environment
let currentDirectory = FileManager.default.currentDirectoryPath
Task.detached {
    exit(
        await WineBoxCommandLine.run(
            arguments: arguments, environment: environment, currentDirectory: currentDirectory))
}
DispatchSemaphore(value: 0).wait()
