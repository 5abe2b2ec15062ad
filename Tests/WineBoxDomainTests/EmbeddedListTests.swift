import Testing

@testable import WineBoxDomain

@Suite struct EmbeddedListTests {
    @Test func entriesAreLowerCaseWithinTheLengthRuleAndUnique() {
        let lines = CommonPasswords.listText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == CommonPasswords.count)
        #expect(lines.allSatisfy { (8...128).contains($0.count) })
        #expect(lines.allSatisfy { $0 == $0.lowercased() })
        #expect(lines.allSatisfy { !$0.contains(" ") })
    }
}
