import Testing

@testable import WineBoxConfig

@Suite struct ConfigurationSearchTests {
    @Test func usesAllDefaultsWhenNoFileExists() throws {
        try withSandbox { sandbox in
            let loaded = try sandbox.loader().load()
            #expect(loaded.configuration == AppConfiguration())
            #expect(loaded.secrets == Secrets())
            #expect(loaded.configFile == nil)
            #expect(loaded.secretsFile == nil)
            #expect(loaded.warnings.isEmpty)
            #expect(loaded.sources.count == ConfigurationKey.all.count)
            #expect(loaded.sources.values.allSatisfy { $0 == .default })
        }
    }

    @Test func prefersTheWorkingDirectoryOverHomeAndSystem() throws {
        try withSandbox { sandbox in
            try sandbox.write("app_name = \"Work\"", to: sandbox.workingDirectory + "/config.toml")
            try sandbox.write("app_name = \"Home\"", to: sandbox.userConfigDirectory + "/config.toml")
            try sandbox.write("app_name = \"System\"", to: sandbox.systemDirectory + "/config.toml")
            let loaded = try sandbox.loader().load()
            #expect(loaded.configuration.appName == "Work")
            #expect(loaded.configFile == sandbox.workingDirectory + "/config.toml")
            #expect(loaded.source(of: "app_name") == .file(sandbox.workingDirectory + "/config.toml"))
        }
    }

    @Test func fallsBackToHomeThenSystem() throws {
        try withSandbox { sandbox in
            try sandbox.write("app_name = \"System\"", to: sandbox.systemDirectory + "/config.toml")
            #expect(try sandbox.loader().load().configuration.appName == "System")
            try sandbox.write("app_name = \"Home\"", to: sandbox.userConfigDirectory + "/config.toml")
            #expect(try sandbox.loader().load().configuration.appName == "Home")
        }
    }

    @Test func explicitPathWinsOverTheSearch() throws {
        try withSandbox { sandbox in
            try sandbox.write("app_name = \"Work\"", to: sandbox.workingDirectory + "/config.toml")
            try sandbox.write("app_name = \"Explicit\"", to: sandbox.root + "/custom/winebox.toml")
            let loaded = try sandbox.loader().load(explicitPath: sandbox.root + "/custom/winebox.toml")
            #expect(loaded.configuration.appName == "Explicit")
            #expect(loaded.configFile == sandbox.root + "/custom/winebox.toml")
        }
    }

    @Test func explicitRelativePathIsTakenFromTheWorkingDirectory() throws {
        try withSandbox { sandbox in
            try sandbox.write("app_name = \"Relative\"", to: sandbox.workingDirectory + "/conf/app.toml")
            let loaded = try sandbox.loader().load(explicitPath: "conf/app.toml")
            #expect(loaded.configuration.appName == "Relative")
            #expect(loaded.configFile == sandbox.workingDirectory + "/conf/app.toml")
        }
    }

    @Test func missingExplicitPathIsAnErrorNamingThePath() throws {
        try withSandbox { sandbox in
            try sandbox.write("app_name = \"Work\"", to: sandbox.workingDirectory + "/config.toml")
            let error = sandbox.loadError(explicitPath: sandbox.root + "/nowhere.toml")
            #expect(error?.code == .fileNotFound)
            #expect(error?.message.contains(sandbox.root + "/nowhere.toml") == true)
        }
    }

    @Test func directoryInPlaceOfTheFileIsAnError() throws {
        try withSandbox { sandbox in
            let error = sandbox.loadError(explicitPath: sandbox.systemDirectory)
            #expect(error?.code == .fileUnreadable)
            #expect(error?.message.contains(sandbox.systemDirectory) == true)
        }
    }

    @Test func tooLargeFileIsRefused() throws {
        try withSandbox { sandbox in
            let padding = String(repeating: "# padding\n", count: ConfigurationLoader.maximumFileSize / 10 + 1)
            try sandbox.write(padding, to: sandbox.workingDirectory + "/config.toml")
            #expect(sandbox.loadError()?.code == .fileUnreadable)
        }
    }

    @Test func invalidTOMLNamesTheFileLineAndColumn() throws {
        try withSandbox { sandbox in
            let path = sandbox.workingDirectory + "/config.toml"
            try sandbox.write("[server]\nport = 8000\nhost = \"127.0.0.1\n", to: path)
            let error = try #require(sandbox.loadError())
            #expect(error.code == .invalidSyntax)
            #expect(error.message.hasPrefix("invalid TOML in \(path) at line 3, column "))
        }
    }

    @Test func findsSecretsBesideTheConfigFileFirst() throws {
        try withSandbox { sandbox in
            let custom = sandbox.root + "/custom"
            try sandbox.write("", to: custom + "/config.toml")
            try sandbox.write("WINEBOX_ANTHROPIC_API_KEY=beside", to: custom + "/secrets.env")
            try sandbox.write("WINEBOX_ANTHROPIC_API_KEY=work", to: sandbox.workingDirectory + "/secrets.env")
            let loaded = try sandbox.loader().load(explicitPath: custom + "/config.toml")
            #expect(loaded.secrets.anthropicAPIKey == "beside")
            #expect(loaded.secretsFile == custom + "/secrets.env")
            #expect(loaded.source(of: "WINEBOX_ANTHROPIC_API_KEY") == .file(custom + "/secrets.env"))
        }
    }

    @Test func searchesSecretsInWorkingHomeThenSystemDirectories() throws {
        try withSandbox { sandbox in
            try sandbox.write("WINEBOX_ANTHROPIC_API_KEY=system", to: sandbox.systemDirectory + "/secrets.env")
            #expect(try sandbox.loader().load().secrets.anthropicAPIKey == "system")
            try sandbox.write("WINEBOX_ANTHROPIC_API_KEY=home", to: sandbox.userConfigDirectory + "/secrets.env")
            #expect(try sandbox.loader().load().secrets.anthropicAPIKey == "home")
            try sandbox.write("WINEBOX_ANTHROPIC_API_KEY=work", to: sandbox.workingDirectory + "/secrets.env")
            #expect(try sandbox.loader().load().secrets.anthropicAPIKey == "work")
        }
    }

    @Test func secretsAreFoundEvenWithoutAConfigFile() throws {
        try withSandbox { sandbox in
            try sandbox.write("WINEBOX_AWS_ACCESS_KEY_ID=AKIA", to: sandbox.userConfigDirectory + "/secrets.env")
            let loaded = try sandbox.loader().load()
            #expect(loaded.configFile == nil)
            #expect(loaded.secretsFile == sandbox.userConfigDirectory + "/secrets.env")
            #expect(loaded.secrets.awsAccessKeyID == "AKIA")
        }
    }

    @Test func skipsTheHomeDirectoryWhenThereIsNone() throws {
        try withSandbox { sandbox in
            try sandbox.write("app_name = \"Home\"", to: sandbox.userConfigDirectory + "/config.toml")
            var loader = sandbox.loader()
            loader.homeDirectory = nil
            #expect(try loader.load().configFile == nil)
        }
    }

    @Test func processLoaderUsesTheRealWorkingDirectoryAndSystemDirectory() {
        let loader = ConfigurationLoader.forCurrentProcess()
        #expect(loader.currentDirectory.hasPrefix("/"))
        #expect(loader.homeDirectory?.isEmpty == false)
        #expect(loader.systemDirectories == ["/etc/winebox"])
    }
}
