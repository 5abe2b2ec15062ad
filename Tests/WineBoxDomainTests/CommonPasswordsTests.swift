import Testing
import WineBoxDomain

@Suite struct CommonPasswordsTests {
    @Test func theEmbeddedListHasAtLeastThreeThousandEntries() {
        #expect(CommonPasswords.count >= 3_000)
    }

    @Test func lookupsIgnoreCase() {
        #expect(CommonPasswords.contains("password123"))
        #expect(CommonPasswords.contains("PASSWORD123"))
        #expect(CommonPasswords.contains("Trustno1!") == CommonPasswords.contains("trustno1!"))
    }

    @Test func uncommonPasswordsAreNotOnTheList() {
        #expect(!CommonPasswords.contains("a Rioja 2015 with roast lamb"))
        #expect(!CommonPasswords.contains(""))
    }
}
