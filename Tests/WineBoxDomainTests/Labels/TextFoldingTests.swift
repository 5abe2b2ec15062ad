import Testing

@testable import WineBoxDomain

@Suite struct TextFoldingTests {
    @Test(arguments: [
        ("Château", "chateau"), ("CHÂTEAU", "chateau"), ("Württemberg", "wurttemberg"),
        ("Großes Gewächs", "grosses gewachs"),
        ("Rías Baixas", "rias baixas"), ("Dão", "dao"), ("Cœur", "coeur"), ("Ærø", "aero"), ("Łódź", "lodz"),
        ("Crljenak Kaštelanski", "crljenak kastelanski"), ("Côte-Rôtie", "cote-rotie"), ("plain ascii", "plain ascii"),
        ("Cafe\u{301}", "cafe"), ("Hawke’s Bay", "hawke's bay"), ("Ελλάδα", "ελλάδα"), ("ŞTEFĂNEŞTI", "stefanesti"),
    ])
    func foldsCaseAndAccents(text: String, expected: String) {
        #expect(TextFolding.fold(text) == expected)
    }
}
