import Testing

@testable import WineBoxConfig

@Suite struct ConfigurationPrecedenceTests {
    private static let fileText = """
        app_name = "File Cellar"
        [server]
        host = "0.0.0.0"
        port = 9000
        debug = true
        workers = 4
        [storage]
        data_dir = "/srv/winebox"
        max_upload_mb = 20
        [logging]
        level = "Debug"
        """

    @Test func fileOverridesDefaults() throws {
        try withSandbox { sandbox in
            let path = sandbox.workingDirectory + "/config.toml"
            try sandbox.write(Self.fileText, to: path)
            let loaded = try sandbox.loader().load()
            var expected = AppConfiguration()
            expected.appName = "File Cellar"
            expected.server.host = "0.0.0.0"
            expected.server.port = 9000
            expected.server.debug = true
            expected.server.workers = 4
            expected.storage.dataDirectory = "/srv/winebox"
            expected.storage.maxUploadMB = 20
            expected.logging.level = .debug
            #expect(loaded.configuration == expected)
            #expect(loaded.source(of: "server.port") == .file(path))
            #expect(loaded.source(of: "server.max_connections") == .default)
            #expect(loaded.configuration.storage.maxUploadBytes == 20 * 1_048_576)
        }
    }

    @Test func environmentOverridesTheFile() throws {
        try withSandbox { sandbox in
            try sandbox.write(Self.fileText, to: sandbox.workingDirectory + "/config.toml")
            let environment = [
                "WINEBOX_APP_NAME": "Env Cellar",
                "WINEBOX_SERVER_PORT": "0",
                "WINEBOX_SERVER_DEBUG": "off",
                "WINEBOX_SERVER_ENFORCE_HTTPS": "YES",
                "WINEBOX_STORAGE_DATA_DIR": "relative/data",
                "WINEBOX_LOGGING_FORMAT": "JSON",
                "WINEBOX_SERVER_HOST": "",
            ]
            let loaded = try sandbox.loader(environment: environment).load()
            let configuration = loaded.configuration
            #expect(configuration.appName == "Env Cellar")
            #expect(configuration.server.port == 0)
            #expect(configuration.server.debug == false)
            #expect(configuration.server.enforceHTTPS == true)
            #expect(configuration.server.host == "0.0.0.0", "an empty variable counts as unset")
            #expect(configuration.server.workers == 4)
            #expect(configuration.storage.dataDirectory == "relative/data")
            #expect(configuration.storage.resolvedDataDirectory(currentDirectory: "/w") == "/w/relative/data")
            #expect(configuration.logging.format == .json)
            #expect(loaded.source(of: "server.port") == .environment("WINEBOX_SERVER_PORT"))
            #expect(loaded.source(of: "server.workers") == .file(sandbox.workingDirectory + "/config.toml"))
        }
    }

    @Test func everyKeyCanBeOverriddenByItsEnvironmentVariable() throws {
        try withSandbox { sandbox in
            var environment: [String: String] = [:]
            for key in ConfigurationKey.all {
                switch key.defaultValue {
                // An empty string has no environment form either: an empty variable counts as unset.
                case .string(let text) where text.isEmpty: continue
                case .string(let text): environment[key.environmentVariable] = text
                case .integer(let number): environment[key.environmentVariable] = String(number)
                case .boolean(let flag): environment[key.environmentVariable] = flag ? "true" : "false"
                // An empty list has no environment form (an empty variable counts as unset); see the list test.
                case .array(let elements) where elements.isEmpty: continue
                default: Issue.record("no environment form for \(key.path)")
                }
            }
            let loaded = try sandbox.loader(environment: environment).load()
            #expect(loaded.configuration == AppConfiguration())
            for key in ConfigurationKey.all where environment[key.environmentVariable] != nil {
                #expect(loaded.source(of: key.path) == .environment(key.environmentVariable))
            }
        }
    }

    @Test func listKeysTakeCommaSeparatedEnvironmentValuesAndCheckEachElement() throws {
        try withSandbox { sandbox in
            let loaded = try sandbox.loader(
                environment: ["WINEBOX_SERVER_TRUSTED_PROXIES": " 10.0.0.1, ::1 ,"]
            ).load()
            #expect(loaded.configuration.server.trustedProxies == ["10.0.0.1", "::1"])
            #expect(throws: ConfigurationError.self) {
                try sandbox.loader(environment: ["WINEBOX_SERVER_TRUSTED_PROXIES": "10.0.0.1,proxy.example"]).load()
            }
        }
    }

    @Test(arguments: [
        ("true", true), ("TRUE", true), ("1", true), ("yes", true), ("On", true),
        ("false", false), ("0", false), ("No", false), ("OFF", false),
    ])
    func parsesEnvironmentBooleans(_ text: String, _ expected: Bool) throws {
        try withSandbox { sandbox in
            let loaded = try sandbox.loader(environment: ["WINEBOX_SERVER_DEBUG": text]).load()
            #expect(loaded.configuration.server.debug == expected)
        }
    }

    @Test func parsesCommaSeparatedListsFromTheEnvironment() {
        let parsed = ConfigurationKey.ValueType.stringList.parseEnvironmentValue(" a, b ,,c ")
        #expect(parsed == .array([.string("a"), .string("b"), .string("c")]))
    }

    @Test func ignoresWineBoxVariablesThatAreNotConfigurationKeys() throws {
        try withSandbox { sandbox in
            let environment = [
                "WINEBOX_RATE_LIMIT_DISABLED": "1", "WINEBOX_SECRET_KEY": String(repeating: "k", count: 40),
            ]
            let loaded = try sandbox.loader(environment: environment).load()
            #expect(loaded.configuration == AppConfiguration())
            #expect(loaded.warnings.isEmpty)
        }
    }

    @Test func warnsAboutMisspeltSectionVariables() throws {
        try withSandbox { sandbox in
            let loaded = try sandbox.loader(environment: ["WINEBOX_SERVER_PROT": "9000"]).load()
            #expect(loaded.configuration.server.port == 8000)
            #expect(loaded.warnings.count == 1)
            #expect(loaded.warnings.first?.contains("did you mean WINEBOX_SERVER_PORT?") == true)
            #expect(loaded.warnings.first?.contains("9000") == false)
        }
    }

    @Test func environmentSecretsOverrideSecretsFile() throws {
        try withSandbox { sandbox in
            let fileKey = String(repeating: "f", count: 32)
            let environmentKey = String(repeating: "e", count: 32)
            let path = sandbox.workingDirectory + "/secrets.env"
            try sandbox.write(
                "WINEBOX_SECRET_KEY=\(fileKey)\nWINEBOX_ANTHROPIC_API_KEY=from-file\nWINEBOX_AWS_ACCESS_KEY_ID=",
                to: path
            )
            let environment = ["WINEBOX_SECRET_KEY": environmentKey, "WINEBOX_AWS_SECRET_ACCESS_KEY": "aws-env"]
            let loaded = try sandbox.loader(environment: environment).load()
            #expect(
                loaded.secrets
                    == Secrets(secretKey: environmentKey, anthropicAPIKey: "from-file", awsSecretAccessKey: "aws-env")
            )
            #expect(loaded.source(of: "WINEBOX_SECRET_KEY") == .environment("WINEBOX_SECRET_KEY"))
            #expect(loaded.source(of: "WINEBOX_ANTHROPIC_API_KEY") == .file(path))
            #expect(loaded.source(of: "WINEBOX_AWS_ACCESS_KEY_ID") == nil, "an empty value counts as unset")
        }
    }

    @Test func unknownSecretsFileKeysAreWarningsWithoutValues() throws {
        try withSandbox { sandbox in
            let path = sandbox.workingDirectory + "/secrets.env"
            try sandbox.write(
                "WINEBOX_SECRETKEY=hush-value-1\nAWS_ACCESS_KEY_ID=hush-value-2\nWINEBOX_SERVER_PORT=hush-value-3\n",
                to: path
            )
            let loaded = try sandbox.loader().load()
            #expect(loaded.secrets == Secrets())
            #expect(loaded.warnings.count == 3)
            #expect(loaded.warnings[0].contains("WINEBOX_SECRETKEY"))
            #expect(loaded.warnings[0].contains("did you mean WINEBOX_SECRET_KEY?"))
            #expect(loaded.warnings[1].contains("did you mean WINEBOX_AWS_ACCESS_KEY_ID?"))
            #expect(loaded.warnings[2].contains("WINEBOX_SERVER_PORT is a configuration key"))
            #expect(loaded.configuration.server.port == 8000)
            #expect(loaded.warnings.allSatisfy { !$0.contains("hush-value") && $0.contains(path) })
        }
    }

    @Test func warnsWhenTheSecretsFileIsReadableByEveryone() throws {
        try withSandbox { sandbox in
            try sandbox.write(
                "WINEBOX_ANTHROPIC_API_KEY=x", to: sandbox.workingDirectory + "/secrets.env", permissions: 0o644)
            let loaded = try sandbox.loader().load()
            #expect(loaded.warnings.count == 1)
            #expect(loaded.warnings.first?.contains("chmod 600") == true)
        }
    }
}
