import WineBoxSupport

/// `winebox version`: prints `WineBox 0.1.0`.
enum VersionCommand {
    static func run(output: CommandOutput) -> Int32 {
        output.print("\(WineBoxVersion.productName) \(WineBoxVersion.current)")
        return ExitCode.success
    }
}
