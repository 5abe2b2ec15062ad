/// The exit statuses of `winebox`, stable for scripts.
public enum ExitCode {
    /// It worked.
    public static let success: Int32 = 0
    /// It failed at run time (the server could not start, the database could not be opened…).
    public static let failure: Int32 = 1
    /// The command line was wrong: unknown command or option, missing value.
    public static let usage: Int32 = 2
    /// The configuration is invalid.
    public static let configuration: Int32 = 3

    static let summary = """
        Exit status: 0 success, 1 failure, 2 usage error, 3 invalid configuration.
        """
}
