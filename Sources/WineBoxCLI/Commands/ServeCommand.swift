import Foundation
import WineBoxApp
import WineBoxConfig
import WineBoxSupport

/// `winebox serve`: runs the server until SIGINT or SIGTERM, then shuts down gracefully.
enum ServeCommand {
    static func run(_ context: CommandContext) async -> Int32 {
        var overrides: [String: String] = [:]
        overrides["WINEBOX_SERVER_HOST"] = context.arguments.value("host")
        overrides["WINEBOX_SERVER_PORT"] = context.arguments.value("port")
        overrides["WINEBOX_STORAGE_DATA_DIR"] = context.arguments.value("data-dir")

        let loaded: LoadedConfiguration
        do {
            loaded = try context.loadConfiguration(overrides: overrides)
        } catch {
            context.output.printError("winebox: invalid configuration: \(error.message)")
            return ExitCode.configuration
        }
        let logger = Logger.make(for: loaded.configuration.logging)
        for warning in loaded.warnings {
            logger.warning("Configuration warning", [("detail", warning)])
        }
        if let file = loaded.configFile {
            logger.info("Configuration loaded", [("file", file)])
        }

        // Watch signals before anything starts, so an early Ctrl-C still shuts down cleanly. A write to a socket or
        // pipe whose reader has gone must fail with EPIPE, not kill the server.
        signal(SIGPIPE, SIG_IGN)
        let watcher = SignalWatcher()
        let application: Application
        do {
            application = try await Application(
                configuration: loaded.configuration, secrets: loaded.secrets, logger: logger)
            try application.start()
        } catch {
            logger.error("WineBox could not start", [("error", String(describing: error))])
            return ExitCode.failure
        }

        await withCheckedContinuation { (firstSignal: CheckedContinuation<Void, Never>) in
            Task {
                var received = 0
                for await number in watcher.signals {
                    received += 1
                    if received == 1 {
                        logger.info("Signal received", [("signal", signalName(number))])
                        firstSignal.resume()
                    } else {
                        logger.warning("Second signal: exiting without waiting", [("signal", signalName(number))])
                        exit(ExitCode.failure)
                    }
                }
            }
        }
        await application.shutdown()
        return ExitCode.success
    }

    private static func signalName(_ number: Int32) -> String {
        switch number {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        default: String(number)
        }
    }
}
