import Foundation
import Testing
import WineBoxApp
import WineBoxTesting

@testable import WineBoxCLI

@Suite struct XWinesCommandTests {
    private func run(
        _ arguments: [String], in directory: TemporaryDirectory, dataDirectory: String? = nil
    ) async -> (Int32, CapturedOutput) {
        let captured = CapturedOutput()
        var environment = ["WINEBOX_LOGGING_LEVEL": "error"]
        environment["WINEBOX_STORAGE_DATA_DIR"] = dataDirectory ?? directory.file("data")
        let status = await WineBoxCommandLine.run(
            arguments: arguments, environment: environment, currentDirectory: directory.path, output: captured.output)
        return (status, captured)
    }

    @Test func importsTheTestVersionWithRatingsAndAgainWithoutChanges() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let arguments = ["xwines", "import", SharedData.xwinesTestWines, "--ratings", SharedData.xwinesTestRatings]
        let (status, output) = await run(arguments, in: directory)
        #expect(status == 0)
        #expect(output.out.contains("XWines_Test_100_wines.csv (X-Wines test version): 100 wines read, 100 new"))
        #expect(output.out.contains("1,000 read, 0 skipped"))
        #expect(output.out.contains("The reference now holds 100 wines"))
        #expect(output.error.contains("Wines: 100 read, 100 imported, 0 skipped (100%)"))
        #expect(output.error.contains("Ratings: 1,000 read"))

        let (again, againOutput) = await run(arguments, in: directory)
        #expect(again == 0)
        #expect(againOutput.out.contains("0 new, 0 updated, 100 unchanged, 0 skipped"))
    }

    @Test func relativePathsAndTheConfigOptionAfterTheCommand() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.copyItem(atPath: SharedData.xwinesTestWines, toPath: directory.file("wines.csv"))
        let config = try directory.write("[storage]\ndata_dir = \"\(directory.file("elsewhere"))\"\n", to: "x.toml")
        let (status, output) = await run(
            ["xwines", "import", "wines.csv", "--config", config], in: directory, dataDirectory: "")
        #expect(status == 0, "\(output.error)")
        #expect(output.out.contains("100 new"))
        #expect(FileManager.default.fileExists(atPath: directory.file("elsewhere/winebox.sqlite3")))
    }

    @Test func aWrongFileFailsWithTheMissingColumnAndBadRowsAreListed() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (wrong, wrongOutput) = await run(["xwines", "import", SharedData.xwinesTestRatings], in: directory)
        #expect(wrong == 1)
        #expect(wrongOutput.error.contains("its header has no 'WineName' column"))
        let (missing, missingOutput) = await run(["xwines", "import", "nothing-here.csv"], in: directory)
        #expect(missing == 1)
        #expect(missingOutput.error.contains("nothing-here.csv: no such file"))
        #expect(await run(["xwines", "import"], in: directory).0 == 2)

        let header = try String(contentsOfFile: SharedData.xwinesTestWines, encoding: .utf8)
            .split(whereSeparator: \.isNewline).prefix(3).joined(separator: "\n")
        let path = try directory.write(header + "\n42,Broken row\n", to: "broken.csv")
        let (status, output) = await run(["xwines", "import", path], in: directory)
        #expect(status == 0)
        #expect(output.out.contains("3 wines read, 2 new, 0 updated, 0 unchanged, 1 skipped"))
        #expect(output.out.contains("Skipped records (first 1):\n  Line 4: 2 fields instead of 17"))
    }

    @Test func progressLinesAreReadable() {
        let progress = XWinesImportProgress(
            phase: .wines, rowsRead: 45_120, imported: 45_000, skipped: 3, bytesRead: 4_470, totalBytes: 10_000)
        #expect(ImportProgressDisplay.describe(progress) == "Wines: 45,120 read, 45,000 imported, 3 skipped (44%)")
        #expect(ImportProgressDisplay.grouped(100_646) == "100,646")
        #expect(ImportProgressDisplay.grouped(999) == "999")
        #expect(ImportProgressDisplay.grouped(21_013_536) == "21,013,536")
    }
}
