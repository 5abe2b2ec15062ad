import Testing
import WineBoxDomain

@Suite struct XWinesRecordTests {
    private let header = XWinesWineColumns.required

    private func record(_ values: [String: String], line: Int = 2) -> CSVRecord {
        let defaults = [
            "WineID": "100062", "WineName": "Origem Merlot", "Type": "Red", "Elaborate": "Varietal/100%",
            "Grapes": "['Merlot']", "Harmonize": "['Beef', 'Lamb']", "ABV": "13.0", "Body": "Full-bodied",
            "Acidity": "Medium", "Code": "BR", "Country": "Brazil", "RegionID": "1002",
            "RegionName": "Vale dos Vinhedos", "WineryID": "10014", "WineryName": "Casa Valduga",
            "Website": "http://www.casavalduga.com.br", "Vintages": "[2020, 2019, 'N.V.']",
        ]
        let merged = defaults.merging(values) { _, new in new }
        return CSVRecord(fields: header.map { merged[$0] ?? "" }, line: line)
    }

    @Test func aRecordBecomesAWine() throws {
        let wine = try XWinesWineColumns(header: header).wine(from: record([:]))
        #expect(wine.id == 100062)
        #expect(wine.name == "Origem Merlot")
        #expect(wine.grapes == ["Merlot"])
        #expect(wine.harmonize == ["Beef", "Lamb"])
        #expect(wine.abv == 13.0)
        #expect(wine.regionID == 1002)
        #expect(wine.wineryName == "Casa Valduga")
        #expect(wine.vintages == [.year(2020), .year(2019), .label("N.V.")])
        #expect(wine.averageRating == nil)
        #expect(wine.ratingCount == 0)
    }

    @Test func emptyOptionalCellsBecomeNil() throws {
        let wine = try XWinesWineColumns(header: header).wine(
            from: record(["ABV": "", "Website": " ", "RegionID": "", "Grapes": "", "Vintages": ""]))
        #expect(wine.abv == nil)
        #expect(wine.website == nil)
        #expect(wine.regionID == nil)
        #expect(wine.grapes == [])
        #expect(wine.vintages == [])
    }

    @Test func badRecordsAreRefusedWithTheirLineAndReason() throws {
        let columns = try XWinesWineColumns(header: header)
        let cases: [([String: String], String)] = [
            (["WineID": "abc"], "Line 7: WineID is not a whole number"),
            (["WineID": ""], "Line 7: WineID is missing"),
            (["WineName": "  "], "Line 7: WineName is missing or too long"),
            (["Type": ""], "Line 7: Type is missing"),
            (["ABV": "strong"], "Line 7: ABV is not a percentage"),
            (["Grapes": "Merlot"], "Line 7: Grapes is not a list"),
        ]
        for (values, message) in cases {
            #expect(throws: WineBoxError(.invalidInput, message)) { try columns.wine(from: record(values, line: 7)) }
        }
        let short = CSVRecord(fields: ["1", "x"], line: 9)
        #expect(throws: WineBoxError(.invalidInput, "Line 9: 2 fields instead of 17")) { try columns.wine(from: short) }
    }

    @Test func aFileWithoutTheColumnsIsNamedAsNotAnXWinesFile() {
        let ratingsHeader = ["RatingID", "UserID", "WineID", "Vintage", "Rating", "Date"]
        #expect(
            throws: WineBoxError(
                .invalidInput, "This is not an X-Wines wines file: its header has no 'WineName' column")
        ) { try XWinesWineColumns(header: ratingsHeader) }
        #expect(
            throws: WineBoxError(
                .invalidInput, "This is not an X-Wines ratings file: its header has no 'Rating' column")
        ) { try XWinesRatingColumns(header: header) }
    }

    @Test func ratingsAverageExactlyAndRoundHalfUp() throws {
        var tally = XWinesRatingTally()
        for rating in [4.0, 4.5, 4.5, 4.5] {
            tally.add(wineID: 1, rating: rating)
        }
        tally.add(wineID: 2, rating: 3.0)
        tally.add(wineID: 2, rating: 3.5)
        tally.add(wineID: 2, rating: 3.5)
        #expect(tally.summary(for: 1)! == (4.38, 4))
        #expect(tally.summary(for: 2)! == (3.33, 3))
        #expect(tally.summary(for: 3) == nil)
        #expect(tally.ratingCount == 7)
        let columns = try XWinesRatingColumns(header: ["RatingID", "UserID", "WineID", "Vintage", "Rating", "Date"])
        #expect(
            columns.rating(from: CSVRecord(fields: ["1", "2", "111478", "1959", "4.5", "x"], line: 2))! == (111478, 4.5)
        )
        #expect(columns.rating(from: CSVRecord(fields: ["1", "2", "111478", "1959", "9", "x"], line: 2)) == nil)
        #expect(columns.rating(from: CSVRecord(fields: ["1", "2", "x", "1959", "4", "x"], line: 2)) == nil)
    }

    @Test func cellarFieldsFromAReferenceWine() throws {
        var wine = try XWinesWineColumns(header: header).wine(from: record([:]))
        var fields = XWinesCellarFields(wine)
        #expect(fields.name == "Origem Merlot")
        #expect(fields.winery == "Casa Valduga")
        #expect(fields.wineType == "red")
        #expect(fields.grapeVariety == "Merlot")
        #expect(fields.country == "Brazil")
        #expect(fields.region == "Vale dos Vinhedos")
        #expect(fields.alcoholPercentage == 13.0)
        #expect(fields.xwinesID == 100062)
        wine.grapes = ["Touriga Nacional", "Touriga Franca"]
        fields = XWinesCellarFields(wine)
        #expect(fields.grapeVariety == "Touriga Nacional, Touriga Franca")
        let types = ["Red", "White", "Rosé", "Sparkling", "Dessert", "Dessert/Port", "Fortified", "Orange"]
        #expect(
            types.map(XWinesCellarFields.cellarWineType) == [
                "red", "white", "rosé", "sparkling", "dessert", "dessert", "fortified", nil,
            ])
    }

    @Test func theVersionIsGuessedFromTheFileNameThenTheSize() {
        #expect(XWinesVariant.guess(fileName: "data/XWines_Test_100_wines.csv", wineCount: 100) == .test)
        #expect(XWinesVariant.guess(fileName: "XWines_Slim_1K_wines.csv", wineCount: 1_007) == .slim)
        #expect(XWinesVariant.guess(fileName: "XWines_Full_100K_wines.csv", wineCount: 100_646) == .full)
        #expect(XWinesVariant.guess(fileName: "/tmp/latest.csv", wineCount: 100) == .test)
        #expect(XWinesVariant.guess(fileName: "wines.csv", wineCount: 1_007) == .slim)
        #expect(XWinesVariant.guess(fileName: "wines.csv", wineCount: 100_000) == .full)
    }

    @Test func searchQueriesAreChecked() throws {
        let query = try XWinesSearchQuery(text: "  casa vald ", wineType: " ", country: "BR")
        #expect(query.text == "casa vald")
        #expect(query.wineType == nil)
        #expect(query.country == "BR")
        #expect(query.limit == 10)
        #expect(try XWinesSearchQuery(text: "   ").text == nil)
        #expect(throws: WineBoxError.self) { try XWinesSearchQuery(text: "a") }
        #expect(throws: WineBoxError.self) { try XWinesSearchQuery(text: String(repeating: "x", count: 201)) }
        #expect(throws: WineBoxError.self) { try XWinesSearchQuery(text: nil, limit: 51) }
        #expect(throws: WineBoxError.self) { try XWinesSearchQuery(text: nil, skip: 10_001) }
        #expect(throws: WineBoxError.self) {
            try XWinesSearchQuery(text: nil, wineType: String(repeating: "x", count: 51))
        }
    }
}
