import Testing

@testable import WineBoxApp

@Suite struct BearerTokenTests {
    @Test(arguments: ["Bearer abc.def", "bearer abc.def", "BEARER abc.def", "BeArEr abc.def"])
    func theSchemeIsReadInAnyCase(header: String) {
        #expect(SessionGuard.bearerToken(in: header) == "abc.def")
    }

    @Test(arguments: [
        "Basic abc", "Bearer ", "Bearer", "Bearerxabc", "Bearer\u{0}abc", "", "Béarer abc", "Bearer\tabc",
    ])
    func otherSchemesAndEmptyTokensAreRefused(header: String) {
        #expect(SessionGuard.bearerToken(in: header) == nil)
    }
}
