import Foundation
import Testing

@testable import WineBoxConfig

@Suite struct RenderAndSecretsTests {
    private static let secretValues = [
        "sk-0123456789abcdef0123456789abcdef-SECRET", "anthropic-key-VALUE", "AKIA-ACCESS-VALUE", "aws-secret-VALUE",
    ]

    @Test func renderListsFilesKeysAndSourcesWithoutSecretValues() throws {
        try withSandbox { sandbox in
            let configPath = sandbox.workingDirectory + "/config.toml"
            try sandbox.write("[server]\nport = 9000\n", to: configPath)
            let secretsPath = sandbox.workingDirectory + "/secrets.env"
            try sandbox.write(
                "WINEBOX_ANTHROPIC_API_KEY=\(Self.secretValues[1])\nWINEBOX_AWS_ACCESS_KEY_ID=\(Self.secretValues[2])",
                to: secretsPath
            )
            let environment = [
                "WINEBOX_SECRET_KEY": Self.secretValues[0],
                "WINEBOX_AWS_SECRET_ACCESS_KEY": Self.secretValues[3],
                "WINEBOX_LOGGING_LEVEL": "warning",
            ]
            let loaded = try sandbox.loader(environment: environment).load()
            let report = loaded.renderEffectiveConfiguration()
            let lines = report.split(separator: "\n").map(String.init)
            #expect(lines.contains("# config file: \(configPath)"))
            #expect(lines.contains("# secrets file: \(secretsPath)"))
            #expect(lines.contains("app_name = \"WineBox\"  # default"))
            #expect(lines.contains("port = 9000  # \(configPath)"))
            #expect(lines.contains("level = \"warning\"  # env WINEBOX_LOGGING_LEVEL"))
            #expect(lines.contains("WINEBOX_SECRET_KEY = <redacted>  # env WINEBOX_SECRET_KEY"))
            #expect(lines.contains("WINEBOX_ANTHROPIC_API_KEY = <redacted>  # \(secretsPath)"))
            #expect(lines.contains("WINEBOX_AWS_SECRET_ACCESS_KEY = <redacted>  # env WINEBOX_AWS_SECRET_ACCESS_KEY"))
            for key in ConfigurationKey.all {
                #expect(lines.contains { $0.hasPrefix("\(key.name) = ") }, "missing \(key.path)")
            }
            for secret in Self.secretValues {
                #expect(!report.contains(secret))
                #expect(!String(describing: loaded).contains(secret))
                #expect(!String(reflecting: loaded).contains(secret))
                var dumped = ""
                dump(loaded, to: &dumped)
                #expect(!dumped.contains(secret))
            }
        }
    }

    @Test func renderShowsUnsetSecretsAndMissingFiles() throws {
        try withSandbox { sandbox in
            let report = try sandbox.loader().load().renderEffectiveConfiguration()
            #expect(report.contains("# config file: none found, using built-in defaults\n"))
            #expect(report.contains("# secrets file: none found\n"))
            for name in Secrets.variables {
                #expect(report.contains("\n\(name) = (not set)\n"))
            }
        }
    }

    @Test func renderedKeysParseBackToTheSameConfiguration() throws {
        try withSandbox { sandbox in
            let name = "Caves \"Dupont\" \\ Fils"
            let loaded = try sandbox.loader(environment: ["WINEBOX_APP_NAME": name, "WINEBOX_SERVER_HOST": "::1"])
                .load()
            let report = loaded.renderEffectiveConfiguration()
            let keysPart = try #require(report.components(separatedBy: "# secrets (values").first)
            let path = sandbox.root + "/rendered.toml"
            try sandbox.write(keysPart, to: path)
            let reloaded = try sandbox.loader().load(explicitPath: path)
            #expect(reloaded.configuration == loaded.configuration)
            #expect(reloaded.configuration.appName == name)
        }
    }

    @Test func secretsDescriptionShowsOnlyWhetherEachIsSet() {
        let secrets = Secrets(secretKey: Self.secretValues[0], awsAccessKeyID: Self.secretValues[2])
        #expect(
            secrets.description
                == "Secrets(WINEBOX_SECRET_KEY: set, WINEBOX_ANTHROPIC_API_KEY: not set, "
                + "WINEBOX_AWS_ACCESS_KEY_ID: set, WINEBOX_AWS_SECRET_ACCESS_KEY: not set, "
                + "WINEBOX_SMTP_PASSWORD: not set)"
        )
        #expect(String(reflecting: secrets) == secrets.description)
        #expect(!"\(secrets)".contains(Self.secretValues[0]))
    }

    @Test func errorDescriptionIsItsMessage() {
        let error = ConfigurationError(code: .unknownKey, key: "x", message: "unknown key x")
        #expect("\(error)" == "unknown key x")
        #expect(error.code.description == "unknownKey")
    }

    @Test func convenienceValuesFollowTheSettings() {
        var configuration = AppConfiguration()
        #expect(configuration.storage.maxUploadBytes == 10_485_760)
        #expect(configuration.server.connectionTimeout == .seconds(30))
        #expect(configuration.server.connectionLimitPerIP == 128)
        #expect(configuration.server.workerThreadCount(processorCount: 8) == 8)
        #expect(configuration.server.effectiveWorkerCount >= 1)
        #expect(configuration.logging.resolvedFormat(outputIsTerminal: true) == .text)
        #expect(configuration.logging.resolvedFormat(outputIsTerminal: false) == .json)
        configuration.server.workers = 3
        configuration.server.maxConnectionsPerIP = 0
        configuration.logging.format = .text
        #expect(configuration.server.workerThreadCount(processorCount: 8) == 3)
        #expect(configuration.server.connectionLimitPerIP == nil)
        #expect(configuration.logging.resolvedFormat(outputIsTerminal: false) == .text)
        #expect(configuration.storage.resolvedDataDirectory(currentDirectory: "/srv/") == "/srv/data")
        configuration.storage.dataDirectory = "/var/lib/winebox"
        #expect(configuration.storage.resolvedDataDirectory(currentDirectory: "/srv") == "/var/lib/winebox")
    }
}
