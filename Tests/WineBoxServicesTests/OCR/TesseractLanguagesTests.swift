import Foundation
import Testing
import WineBoxDomain
import WineBoxTesting

@testable import WineBoxServices

@Suite struct TesseractLanguagesTests {
    @Test func aListIsSplitOnPlus() throws {
        let languages = try TesseractLanguages(" eng+fra+chi_sim ")
        #expect(languages.names == ["eng", "fra", "chi_sim"])
        #expect(languages.description == "eng+fra+chi_sim")
    }

    @Test(arguments: [String(repeating: "e", count: 201), "eng+ fra", "eng-fra", "eng.traineddata", "1eng"])
    func malformedListsAreRefused(list: String) {
        let error = #expect(throws: WineBoxError.self) { try TesseractLanguages(list) }
        #expect(error?.code == .invalidInput)
    }

    @Test func missingModelsAreNamedWithTheInstalledOnes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = directory.path
        for name in ["eng", "fra", "osd"] {
            try directory.write("model", to: "\(name).traineddata")
        }
        do {
            let languages = try TesseractLanguages("eng+deu+fra+ita")
            #expect(languages.missing(in: folder) == ["deu", "ita"])
            #expect(TesseractLanguages.installed(in: folder) == ["eng", "fra", "osd"])
            let error = #expect(throws: WineBoxError.self) { try languages.checkInstalled(in: folder) }
            #expect(error?.code == .unavailable)
            #expect(error?.message.contains("deu, ita is not installed") == true)
            #expect(error?.message.contains("installed: eng, fra)") == true)
            try TesseractLanguages("fra+eng").checkInstalled(in: folder)
        }
    }
}
