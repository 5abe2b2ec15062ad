import Testing
import WineBoxDomain

@testable import WineBoxServices

@Suite struct ClaudeLabelAnswerTests {
    private func parse(_ text: String, year: Int = 2026) throws -> ClaudeLabelAnswer {
        try ClaudeLabelAnswer.parse(text, currentYear: year)
    }

    @Test func numbersMayComeAsTextWithUnits() throws {
        let answer = try parse(
            """
            {"vintage": "2019", "alcohol_percentage": "13,5 % vol", "bottle_size_ml": "1.5 l", "drink_from": 2024.0}
            """)
        #expect(answer.fields.vintage == 2019)
        #expect(answer.fields.alcoholPercentage == 13.5)
        #expect(answer.fields.bottleSizeML == 1500)
        #expect(answer.fields.drinkFrom == 2024)
        #expect(answer.droppedFields.isEmpty)
    }

    @Test func theVintageMayBeNextYearButNoLater() throws {
        #expect(try parse("{\"vintage\": 2027}", year: 2026).fields.vintage == 2027)
        let later = try parse("{\"vintage\": 2028, \"name\": \"X\"}", year: 2026)
        #expect(later.fields.vintage == nil)
        #expect(later.droppedFields == ["vintage"])
        let early = try parse("{\"vintage\": 1799, \"name\": \"X\"}", year: 2026)
        #expect(early.droppedFields == ["vintage"])
    }

    @Test func booleansAndFractionsAreNotNumbers() throws {
        let answer = try parse(
            "{\"name\": \"X\", \"vintage\": true, \"bottle_size_ml\": 750.5, \"drink_until\": [2030], "
                + "\"alcohol_percentage\": false}")
        #expect(answer.fields == LabelFields(name: "X"))
        #expect(answer.droppedFields == ["vintage", "alcohol_percentage", "bottle_size_ml", "drink_until"])
    }

    @Test(arguments: [0.4, 25.1, -3])
    func alcoholOutsideHalfToTwentyFivePercentIsDropped(_ value: Double) throws {
        let answer = try parse("{\"name\": \"X\", \"alcohol_percentage\": \(value)}")
        #expect(answer.fields.alcoholPercentage == nil)
        #expect(answer.droppedFields == ["alcohol_percentage"])
    }

    @Test(arguments: [49, 30_001])
    func bottleSizesOutsideFiftyToThirtyThousandAreDropped(_ value: Int) throws {
        let answer = try parse("{\"name\": \"X\", \"bottle_size_ml\": \(value)}")
        #expect(answer.droppedFields == ["bottle_size_ml"])
    }

    @Test func placeholdersAndEmptyTextsMeanUnknownNotRefused() throws {
        let answer = try parse(
            "{\"name\": \"X\", \"winery\": \"Unknown\", \"region\": \"N/A\", \"country\": \"  \", \"vintage\": \"n/a\"}"
        )
        #expect(answer.fields == LabelFields(name: "X"))
        #expect(answer.droppedFields.isEmpty)
    }

    @Test func textsAreCleanedAndLimited() throws {
        let answer = try parse(
            """
            {"name": "\(String(repeating: "n", count: 500))", "winery": "Domaine\\n des\\u0007  Roches",
             "region": "\(String(repeating: "r", count: 201))",
             "front_label_text": "  LINE ONE\\r\\nLINE\\u0000 TWO\\n"}
            """)
        #expect(answer.fields.name?.count == 500)
        #expect(answer.fields.winery == "Domaine des Roches")
        #expect(answer.fields.region == nil)
        #expect(answer.frontLabelText == "LINE ONE\nLINE TWO")
        #expect(answer.droppedFields == ["region"])
    }

    @Test func wineTypesAreReadLoosely() throws {
        #expect(try parse("{\"wine_type\": \"Rosé\"}").fields.wineType == .rose)
        #expect(try parse("{\"wine_type\": \"rose\"}").fields.wineType == .rose)
        #expect(try parse("{\"wine_type\": \"Port\"}").fields.wineType == .fortified)
        #expect(throws: ClaudeError.self) { try parse("{\"wine_type\": \"orange-ish\"}") }
    }

    @Test func blendSharesOverAHundredPercentAreAllRemoved() throws {
        let answer = try parse(
            """
            {"grape_varieties": [{"name": "Grenache", "percentage": 70}, {"name": "Syrah", "percentage": "40%"},
                                 {"name": "Mourvèdre", "percentage": null}]}
            """)
        #expect(answer.fields.grapes.map(\.grape) == ["Grenache", "Syrah", "Mourvèdre"])
        #expect(answer.fields.grapes.allSatisfy { $0.percentage == nil })
        #expect(answer.fields.grapeVariety == "Grenache")
        #expect(answer.droppedFields == ["grape_varieties.percentage"])
    }

    @Test func theMainGrapeIsTheLargestShareUnlessNamed() throws {
        let blend = """
            [{"name": "Merlot", "percentage": 30}, {"name": "Cabernet Franc", "percentage": 60}]
            """
        #expect(try parse("{\"grape_varieties\": \(blend)}").fields.grapeVariety == "Cabernet Franc")
        #expect(
            try parse("{\"grape_varieties\": \(blend), \"grape_variety\": \"Merlot\"}").fields.grapeVariety == "Merlot")
    }

    @Test func moreThanTwentyGrapesAreCut() throws {
        let names = (1...22).map { "\"Grape \($0)\"" }.joined(separator: ", ")
        let answer = try parse("{\"grape_varieties\": [\(names)]}")
        #expect(answer.fields.grapes.count == 20)
        #expect(answer.droppedFields == ["grape_varieties[20]", "grape_varieties[21]"])
    }

    @Test func aDrinkingWindowThatEndsBeforeItStartsIsDropped() throws {
        let answer = try parse("{\"name\": \"X\", \"drink_from\": 2030, \"drink_until\": 2028}")
        #expect(answer.fields.drinkFrom == nil && answer.fields.drinkUntil == nil)
        #expect(answer.droppedFields == ["drink_from", "drink_until"])
    }

    @Test func labelTextAloneIsUsable() throws {
        let answer = try parse("{\"name\": null, \"front_label_text\": \"CUVÉE X\"}")
        #expect(answer.fields.isEmpty)
        #expect(answer.frontLabelText == "CUVÉE X")
    }

    @Test(arguments: ["", "null", "42", "\"text\"", "{\"name\": null}", "{\"vintage\": 1700}", "``` ```"])
    func answersWithoutAUsableFieldAreMalformed(_ text: String) {
        let error = #expect(throws: ClaudeError.self) { try parse(text) }
        #expect(error?.code == .malformedAnswer)
    }

    @Test func fencesLoseTheirLanguageTag() {
        #expect(ClaudeLabelAnswer.unfenced("```json{\"a\": 1}```") == "{\"a\": 1}")
        #expect(ClaudeLabelAnswer.unfenced("```JSON\n{}\n") == "{}")
        #expect(ClaudeLabelAnswer.unfenced("  {\"a\": 1}\n") == "{\"a\": 1}")
    }
}
