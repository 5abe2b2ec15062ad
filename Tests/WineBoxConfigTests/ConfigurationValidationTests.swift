import Testing

@testable import WineBoxConfig

@Suite struct ConfigurationValidationTests {
    /// Loads `text` as ./config.toml and returns the error, or `nil` when it loads.
    private func fileError(_ text: String, environment: [String: String] = [:]) throws -> ConfigurationError? {
        var result: ConfigurationError?
        try withSandbox { sandbox in
            try sandbox.write(text, to: sandbox.workingDirectory + "/config.toml")
            result = sandbox.loadError(environment: environment)
        }
        return result
    }

    @Test func wrongTypeNamesKeyExpectedAndActualType() throws {
        let error = try #require(try fileError("[server]\nport = \"8000\""))
        #expect(error.code == .typeMismatch)
        #expect(error.key == "server.port")
        #expect(error.message.hasPrefix("server.port must be an integer, got string (in /"))
    }

    @Test func outOfRangeNamesKeyRangeAndValue() throws {
        let error = try #require(try fileError("[server]\nport = 70000"))
        #expect(error.code == .invalidValue)
        #expect(error.key == "server.port")
        #expect(error.message.hasPrefix("server.port must be between 0 and 65535, got 70000"))
    }

    @Test(arguments: [
        ("app_name = \"\"", "app_name"),
        ("app_name = \"\(String(repeating: "x", count: 65))\"", "app_name"),
        ("app_name = \"Wine\\nBox\"", "app_name"),
        ("[server]\nhost = \"winebox.example\"", "server.host"),
        ("[server]\nhost = \"[::1]\"", "server.host"),
        ("[server]\nhost = \"256.1.1.1\"", "server.host"),
        ("[server]\nworkers = 65", "server.workers"),
        ("[server]\nconnection_timeout_seconds = 0", "server.connection_timeout_seconds"),
        ("[server]\nmax_connections = 0", "server.max_connections"),
        ("[server]\nmax_connections_per_ip = -1", "server.max_connections_per_ip"),
        ("[server]\ndebug = \"true\"", "server.debug"),
        ("[server]\npublic_dir = \"\"", "server.public_dir"),
        ("[storage]\nmax_upload_mb = 1025", "storage.max_upload_mb"),
        ("[storage]\nmax_upload_mb = 10.5", "storage.max_upload_mb"),
        ("[storage]\ndata_dir = [\"data\"]", "storage.data_dir"),
        ("[logging]\nlevel = \"verbose\"", "logging.level"),
        ("[logging]\nformat = \"xml\"", "logging.format"),
        ("server = 1", "server"),
    ])
    func refusesInvalidFileValuesNamingTheKey(_ text: String, _ key: String) throws {
        let error = try #require(try fileError(text))
        #expect(error.key == key)
        #expect(error.message.hasPrefix(key))
        #expect(error.code == .invalidValue || error.code == .typeMismatch)
    }

    @Test(arguments: ["127.0.0.1", "0.0.0.0", "::", "::1", "fe80::1:2", "localhost", "LocalHost", "::ffff:10.0.0.1"])
    func acceptsAddressLiteralsAndLocalhost(_ host: String) throws {
        try withSandbox { sandbox in
            let loaded = try sandbox.loader(environment: ["WINEBOX_SERVER_HOST": host]).load()
            #expect(loaded.configuration.server.host == host)
        }
    }

    @Test func localhostBindsTheLoopbackAddress() {
        var server = AppConfiguration.Server()
        server.host = "localhost"
        #expect(server.bindAddress == "127.0.0.1")
        server.host = "::1"
        #expect(server.bindAddress == "::1")
    }

    @Test(arguments: [
        ("WINEBOX_SERVER_PORT", "8000abc"), ("WINEBOX_SERVER_PORT", " 8000"), ("WINEBOX_SERVER_PORT", "0x1F40"),
        ("WINEBOX_SERVER_PORT", "70000"), ("WINEBOX_SERVER_DEBUG", "maybe"), ("WINEBOX_SERVER_DEBUG", "2"),
        ("WINEBOX_LOGGING_LEVEL", "loud"), ("WINEBOX_SERVER_HOST", "example.com"),
        ("WINEBOX_STORAGE_MAX_UPLOAD_MB", "99999999999999999999"),
    ])
    func refusesInvalidEnvironmentValuesNamingTheVariable(_ variable: String, _ text: String) throws {
        try withSandbox { sandbox in
            let error = try #require(sandbox.loadError(environment: [variable: text]))
            #expect(error.message.contains(variable))
            #expect(error.code == .invalidValue || error.code == .typeMismatch)
        }
    }

    @Test func environmentErrorIsReportedEvenWhenTheFileIsValid() throws {
        let error = try #require(try fileError("[server]\nport = 9000", environment: ["WINEBOX_SERVER_PORT": "80a"]))
        #expect(error.key == "server.port")
        #expect(error.message.hasPrefix("WINEBOX_SERVER_PORT must be a whole number (for server.port), got \"80a\""))
    }

    @Test func unknownKeySuggestsTheClosestKnownKey() throws {
        let error = try #require(try fileError("[server]\nprot = 8000"))
        #expect(error.code == .unknownKey)
        #expect(error.key == "server.prot")
        #expect(error.message.contains("unknown key server.prot in /"))
        #expect(error.message.hasSuffix("did you mean server.port?"))
    }

    @Test func unknownSectionSuggestsTheClosestSection() throws {
        let error = try #require(try fileError("[srever]\nport = 8000"))
        #expect(error.code == .unknownKey)
        #expect(error.key == "srever")
        #expect(error.message.hasSuffix("did you mean [server]?"))
    }

    @Test func keyInTheWrongPlaceSuggestsItsSection() throws {
        let topLevel = try #require(try fileError("port = 8000"))
        #expect(topLevel.message.hasSuffix("did you mean server.port?"))
        let wrongSection = try #require(try fileError("[server]\ndata_dir = \"x\""))
        #expect(wrongSection.message.hasSuffix("did you mean storage.data_dir?"))
    }

    @Test func unrelatedUnknownKeyHasNoSuggestion() throws {
        let error = try #require(try fileError("[server]\ncompletely_unrelated = 1"))
        #expect(error.code == .unknownKey)
        #expect(!error.message.contains("did you mean"))
    }

    @Test func nestedTableInsideASectionIsUnknown() throws {
        let error = try #require(try fileError("[server.tls]\nenabled = true"))
        #expect(error.code == .unknownKey)
        #expect(error.key == "server.tls")
    }

    @Test func shortSecretKeyIsRefusedNamingTheVariableButNotTheValue() throws {
        try withSandbox { sandbox in
            let error = try #require(sandbox.loadError(environment: ["WINEBOX_SECRET_KEY": "short-secret-value"]))
            #expect(error.code == .invalidValue)
            #expect(error.key == "WINEBOX_SECRET_KEY")
            #expect(error.message.contains("WINEBOX_SECRET_KEY"))
            #expect(!error.message.contains("short-secret-value"))
        }
    }

    @Test func shortSecretKeyIsOnlyAWarningInDebugMode() throws {
        try withSandbox { sandbox in
            try sandbox.write("WINEBOX_SECRET_KEY=short-secret-value", to: sandbox.workingDirectory + "/secrets.env")
            let loaded = try sandbox.loader(environment: ["WINEBOX_SERVER_DEBUG": "1"]).load()
            #expect(loaded.secrets.secretKey == "short-secret-value")
            #expect(loaded.warnings.count == 1)
            #expect(loaded.warnings.first?.contains("WINEBOX_SECRET_KEY") == true)
            #expect(loaded.warnings.first?.contains("short-secret-value") == false)
        }
    }

    @Test func secretKeyOfExactlyTheMinimumLengthIsAccepted() throws {
        try withSandbox { sandbox in
            let key = String(repeating: "s", count: Secrets.minimumSecretKeyLength)
            let loaded = try sandbox.loader(environment: ["WINEBOX_SECRET_KEY": key]).load()
            #expect(loaded.secrets.secretKey == key)
        }
    }

    @Test func suggestionsToleratesSmallTyposOnly() {
        #expect(Suggestion.editDistance("prot", "port") == 1)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.closest(to: "max_conections", among: ["max_connections", "port"]) == "max_connections")
        #expect(Suggestion.closest(to: "xyz", among: ["port", "host"]) == nil)
    }
}
