/// Every command `winebox` knows, for parsing and help. A command is listed only once it works.
enum Commands {
    static let serve = CommandSpec(
        ["serve"], summary: "Run the web server (http://127.0.0.1:8000 by default)",
        details: """
            Serves the API and the web interface until SIGINT or SIGTERM, then stops accepting connections,
            finishes requests in flight and closes the database. A second signal exits at once.
            The options override the configuration (like WINEBOX_SERVER_HOST and friends).
            """,
        options: [
            .init("host", value: "ADDRESS", help: "Listen on this IP address (server.host)"),
            .init("port", short: "p", value: "PORT", help: "Listen on this TCP port (server.port)"),
            .init("data-dir", value: "DIR", help: "Keep the database and images here (storage.data_dir)"),
        ])

    static let configCheck = CommandSpec(
        ["config", "check"], summary: "Validate the configuration and print the effective settings",
        details: """
            Loads config.toml, secrets.env and WINEBOX_* variables as `serve` would, and prints every setting
            with where it came from. Secret values are never printed. Exits 3 when the configuration is invalid.
            """)

    static let version = CommandSpec(["version"], summary: "Print the version")

    static let userAdd = CommandSpec(
        ["user", "add"], summary: "Create an account (verified); --admin for an administrator",
        details: """
            The password is read from standard input with --password-stdin, or asked twice at a terminal.
            It must have 8 to 128 characters and not be a common password.
            """,
        options: [
            .init("admin", help: "Make the account an administrator"),
            .init("name", value: "NAME", help: "The member's full name"),
            .init("password-stdin", help: "Read the password from the first line of standard input"),
        ], positionals: ["EMAIL"])

    static let userList = CommandSpec(["user", "list"], summary: "List the accounts")

    static let userDisable = CommandSpec(
        ["user", "disable"], summary: "Disable an account and sign it out everywhere", positionals: ["EMAIL"])

    static let userEnable = CommandSpec(
        ["user", "enable"], summary: "Enable a disabled account", positionals: ["EMAIL"])

    static let userPasswd = CommandSpec(
        ["user", "passwd"], summary: "Set a new password and sign the account out everywhere",
        options: [.init("password-stdin", help: "Read the password from the first line of standard input")],
        positionals: ["EMAIL"])

    static let userRemove = CommandSpec(
        ["user", "remove"], summary: "Remove an account (needs --force)",
        options: [.init("force", help: "Confirm the removal; it cannot be undone")], positionals: ["EMAIL"])

    static let backup = CommandSpec(
        ["backup"], summary: "Write one archive with the database and the images (safe while serving)",
        details: """
            Copies one consistent snapshot of the database (SQLite's online backup: `winebox serve` may keep
            running and writing) and every file under images/ into a .tar.gz whose manifest.json lists each
            file's size and SHA-256. Without --output the archive is winebox-backup-YYYYMMDD-HHMMSS.tar.gz (UTC)
            in the current directory. It never overwrites a file.
            The archive holds the accounts' password hashes: it is created with mode 0600; keep it private.
            """,
        options: [
            .init("output", short: "o", value: "FILE", help: "Write the archive to FILE (it must not exist)"),
            .init("config", value: "FILE", help: "Read this config.toml (as winebox --config FILE)"),
        ])

    static let restore = CommandSpec(
        ["restore"], summary: "Check a backup archive and restore it into an empty data directory",
        details: """
            Restores into storage.data_dir, which must be missing or hold no database and no images: a restore
            never overwrites data. Every file is checked against the archive's manifest (size and SHA-256), and
            the database must pass SQLite's integrity check with a schema version this WineBox knows, before
            anything is moved into place. When any check fails, the data directory is left as it was.
            Stop any server using that data directory first; start `winebox serve` afterwards.
            """,
        options: [.init("config", value: "FILE", help: "Read this config.toml (as winebox --config FILE)")],
        positionals: ["FILE"])

    static let xwinesImport = CommandSpec(
        ["xwines", "import"], summary: "Load the X-Wines reference wines from their CSV file (Test, Slim or Full)",
        details: """
            Reads the wines file of any version of the X-Wines data set and adds or updates its wines; importing
            the same file again changes nothing. With --ratings, each wine's average rating and number of
            ratings are computed from the ratings file. Records with bad data are skipped and reported.
            Progress goes to standard error, the summary to standard output. Safe while `winebox serve` runs.
            Demo data: winebox xwines import ../shared/data/xwines/XWines_Test_100_wines.csv
            """,
        options: [
            .init("ratings", value: "FILE", help: "Also read this X-Wines ratings CSV file"),
            .init("config", value: "FILE", help: "Read the configuration from this file (like --config before it)"),
        ], positionals: ["FILE"])

    static let all = [
        serve, configCheck, userAdd, userList, userDisable, userEnable, userPasswd, userRemove, backup, restore,
        xwinesImport, version,
    ]
}
