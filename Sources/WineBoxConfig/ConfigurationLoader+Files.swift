import Foundation

extension ConfigurationLoader {
    /// The directories searched after the explicit path: `./`, `~/.config/winebox`, then the system ones.
    var searchDirectories: [String] {
        var directories = [currentDirectory]
        if let homeDirectory { directories.append(PathJoin.join(homeDirectory, ".config/winebox")) }
        return directories + systemDirectories
    }

    /// The `config.toml` to use, or `nil` when there is none.
    ///
    /// - Throws: ``ConfigurationError/Code/fileNotFound`` when `explicitPath` is given but does not exist.
    func locateConfigFile(explicitPath: String?) throws(ConfigurationError) -> String? {
        if let explicitPath {
            let path = PathJoin.resolve(explicitPath, against: currentDirectory)
            guard FileManager.default.fileExists(atPath: path) else {
                throw ConfigurationError(code: .fileNotFound, message: "configuration file \(path) does not exist")
            }
            return path
        }
        return firstExisting(named: "config.toml", in: searchDirectories)
    }

    /// The `secrets.env` to use: beside `configFile` first, then in the search directories.
    func locateSecretsFile(besideConfigFile configFile: String?) -> String? {
        var directories = searchDirectories
        if let configFile { directories.insert(PathJoin.directory(of: configFile), at: 0) }
        return firstExisting(named: "secrets.env", in: directories)
    }

    private func firstExisting(named name: String, in directories: [String]) -> String? {
        var seen = Set<String>()
        for directory in directories where seen.insert(directory).inserted {
            let path = PathJoin.join(directory, name)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    /// The whole content of a file of at most ``maximumFileSize`` bytes.
    ///
    /// - Parameter kind: How the file is named in messages ("configuration file", "secrets file").
    /// - Throws: ``ConfigurationError/Code/fileUnreadable`` for a directory, a file that cannot be
    ///   opened or read, or one that is too large.
    func readFile(_ path: String, kind: String) throws(ConfigurationError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ConfigurationError(code: .fileUnreadable, message: "\(kind) \(path) is a directory, not a file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ConfigurationError(
                code: .fileUnreadable,
                message: "\(kind) \(path) cannot be opened; check that it exists and its permissions"
            )
        }
        defer { try? handle.close() }
        let data: Data?
        do {
            data = try handle.read(upToCount: Self.maximumFileSize + 1)
        } catch {
            throw ConfigurationError(code: .fileUnreadable, message: "\(kind) \(path) cannot be read")
        }
        let bytes = [UInt8](data ?? Data())
        guard bytes.count <= Self.maximumFileSize else {
            throw ConfigurationError(code: .fileUnreadable, message: "\(kind) \(path) is larger than 1 MiB")
        }
        return bytes
    }

    /// Reads and parses a `config.toml`.
    ///
    /// - Throws: ``ConfigurationError/Code/invalidSyntax`` naming the file, line and column.
    func readTOML(at path: String) throws(ConfigurationError) -> [String: TOMLValue] {
        let bytes = try readFile(path, kind: "configuration file")
        do {
            return try TOMLParser.parse(bytes: bytes, sourceName: path)
        } catch {
            throw ConfigurationError(
                code: .invalidSyntax,
                message: "invalid TOML in \(path) at line \(error.line), column \(error.column): \(error.message)"
            )
        }
    }

    /// Whether the file's permission bits let every user read it; `false` when they cannot be read.
    func isReadableByEveryone(_ path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let permissions = attributes[.posixPermissions] as? NSNumber
        else { return false }
        return permissions.intValue & 0o004 != 0
    }
}
