import Testing

@testable import WineBoxCLI

@Suite struct ArgumentParserTests {
    let parser = ArgumentParser(commands: Commands.all)

    @Test func commandsWithOptionsInEverySpelling() throws {
        let parsed = try parser.parse(["--config", "/etc/wb.toml", "serve", "--port", "9000", "--host=0.0.0.0"])
        #expect(parsed.action == .run(["serve"]))
        #expect(parsed.configPath == "/etc/wb.toml")
        #expect(parsed.value("port") == "9000")
        #expect(parsed.value("host") == "0.0.0.0")
        #expect(try parser.parse(["serve", "-p", "1"]).value("port") == "1")
        #expect(try parser.parse(["--config=x.toml", "config", "check"]).configPath == "x.toml")
        #expect(try parser.parse(["config", "check"]).action == .run(["config", "check"]))
    }

    @Test func helpAndVersionAreRecognisedEverywhere() throws {
        #expect(try parser.parse([]).action == .help([]))
        #expect(try parser.parse(["--help"]).action == .help([]))
        #expect(try parser.parse(["help", "serve"]).action == .help(["serve"]))
        #expect(try parser.parse(["serve", "--help"]).action == .help(["serve"]))
        #expect(try parser.parse(["config", "check", "-h"]).action == .help(["config", "check"]))
        #expect(try parser.parse(["--version"]).action == .version)
        #expect(try parser.parse(["version"]).action == .run(["version"]))
    }

    @Test(arguments: [
        (["frobnicate"], "Unknown command 'frobnicate'"),
        (["config"], "'config' needs a subcommand"),
        (["config", "show"], "Unknown command 'config show'"),
        (["serve", "--verbose"], "Unknown option --verbose"),
        (["serve", "--port"], "--port needs a value"),
        (["serve", "extra"], "'serve' takes no arguments"),
        (["--config"], "--config needs a file path"),
        (["--bogus", "serve"], "Unknown option --bogus"),
        (["help", "nothing"], "Unknown command 'nothing'"),
    ])
    func mistakesAreUsageErrorsThatSayWhatIsWrong(arguments: [String], message: String) {
        do {
            _ = try parser.parse(arguments)
            Issue.record("expected a usage error for \(arguments)")
        } catch {
            #expect(error.message.contains(message), "got: \(error.message)")
        }
    }

    @Test func everyCommandHasHelpThatListsItsOptions() {
        let help = HelpFormatter(parser: parser)
        for command in Commands.all {
            let text = help.help(for: command.path)
            #expect(text.hasPrefix("Usage: winebox \(command.name)"))
            #expect(text.contains("--help"))
            for option in command.options {
                #expect(text.contains("--\(option.name)"))
            }
        }
        let overview = help.overview()
        for command in Commands.all {
            #expect(overview.contains(command.name))
        }
        #expect(overview.contains("Exit status"))
        #expect(help.help(for: ["config"]).contains("config check"))
    }
}
