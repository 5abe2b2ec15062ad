extension AppConfiguration {
    /// Data location and upload limits, the `[storage]` section of `config.toml`.
    public struct Storage: Sendable, Equatable {
        /// The directory holding the database and label images (`data_dir`, `WINEBOX_STORAGE_DATA_DIR`).
        ///
        /// Default `"data"`. A relative path is relative to the current working directory; `~` is not
        /// expanded. See ``resolvedDataDirectory(currentDirectory:)``.
        public var dataDirectory = "data"
        /// The largest accepted upload, in MiB (`max_upload_mb`, `WINEBOX_STORAGE_MAX_UPLOAD_MB`).
        ///
        /// Default 10; 1-1024. See ``maxUploadBytes``.
        public var maxUploadMB = 10

        /// The all-defaults storage settings.
        public init() {}

        /// ``maxUploadMB`` in bytes (1 MiB = 1,048,576 bytes); 10,485,760 by default.
        public var maxUploadBytes: Int { maxUploadMB * 1_048_576 }

        /// ``dataDirectory`` as an absolute path: unchanged when absolute, else joined to `currentDirectory`.
        public func resolvedDataDirectory(currentDirectory: String) -> String {
            PathJoin.resolve(dataDirectory, against: currentDirectory)
        }
    }
}
