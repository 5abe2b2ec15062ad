import Testing

@testable import WineBoxDomain

/// Vintage, alcohol, bottle size and drinking window: the numbers of a label.
@Suite struct LabelNumbersTests {
    let parser = LabelTextParser()

    func parse(_ text: String) -> LabelFields { parser.parse(text, currentYear: 2026) }

    @Test(arguments: [
        ("2015\nChâteau Margaux", 2015),
        ("Château Margaux\n2015", 2015),
        ("Château Margaux 2015 Margaux", 2015),
        ("Reserva\nRioja\nCosecha 2018", 2018),
        ("Millésime 2012", 2012),
        ("Bottled in 2019\nVintage 2016", 2016),
        ("Mis en bouteille 2019\n2016", 2016),
        ("Domaine X, since 1887\n2014", 2014),
        ("Est. 1850 — Weingut Y\n2019er Riesling", 2019),
        ("Tel. +33 5 56 2011 44\n2010", 2010),
        ("Imported by Z, 2011 Main Street, Napa\n2017 Cabernet Sauvignon", 2017),
        ("Lot 12/05/2019\n2018", 2018),
        ("Founded 1902. 1999 harvest", 1999),
    ])
    func vintageIsTheHarvestYearNotOtherYears(text: String, expected: Int) {
        #expect(parse(text).vintage == expected)
    }

    @Test(arguments: [
        "Napa Valley 2030 Cabernet",  // later than the current year
        "Château Y 1850",  // before 1900
        "Since 1887",
        "depuis 1950",
        "seit 1901",
        "Cantina dal 1925",
        "Bodegas desde 1920",
        "gegründet 1911",
        "Champagne Brut NV 2015",
        "Non Vintage Brut, made from 2014 and 2015",
        "Tel 0557 1995 2000",
        "12345 67890",
        "Drink 2020-2025",
        "vintage 20155",
    ])
    func noVintageWhenNoYearQualifies(text: String) {
        #expect(parse(text).vintage == nil)
    }

    @Test(arguments: [
        ("13.5% vol", 13.5), ("13,5 % vol.", 13.5), ("Alc. 14% by vol", 14.0), ("ALC 12.5% BY VOL", 12.5),
        ("ABV: 12.5%", 12.5), ("14% Alc/Vol", 14.0), ("Alcohol 14.0%", 14.0), ("12.5° ", 12.5),
        ("13.5 vol%", 13.5), ("alc./vol. 13%", 13.0), ("13,5%vol", 13.5), ("Alcool 12 % vol", 12.0),
        ("Grapes 8°\nALCOHOL 12% BY volume", 12.0), ("alc 15.5 by vol", 15.5),
    ])
    func alcoholInEveryCommonNotation(text: String, expected: Double) {
        #expect(parse(text).alcoholPercentage == expected)
    }

    @Test(arguments: [
        "60% Merlot, 40% Cabernet Franc", "Alcohol 45% vol", "Alc. 3% vol", "Serve at 16°C", "100% Riesling",
        "13.5", "Serving temperature 12-14°",
    ])
    func noAlcoholWithoutAnAlcoholNotationOrOutsideFiveToTwentyFive(text: String) {
        #expect(parse(text).alcoholPercentage == nil)
    }

    @Test(arguments: [
        ("750 ml", 750), ("75 cl", 750), ("0.75 l", 750), ("1.5 L", 1500), ("150cl", 1500), ("375ML", 375),
        ("0,75 L", 750), ("Magnum", 1500), ("Jeroboam", 3000), ("e 750mL 13.5% vol", 750), ("Double Magnum", 3000),
        ("MAGNUM\n150 cl", 1500), ("half bottle", 375),
    ])
    func bottleSizeInMillilitres(text: String, expected: Int) {
        #expect(parse(text).bottleSizeML == expected)
    }

    @Test func noBottleSizeFromOtherNumbers() {
        #expect(parse("2015 Merlot 13.5% vol").bottleSizeML == nil)
        #expect(parse("5 l").bottleSizeML == 5000)
        #expect(parse("40 l").bottleSizeML == nil)
    }

    @Test func drinkingWindows() {
        var fields = parse("Drink 2020-2030")
        #expect(fields.drinkFrom == 2020 && fields.drinkUntil == 2030)
        fields = parse("Best 2022–2028")
        #expect(fields.drinkFrom == 2022 && fields.drinkUntil == 2028)
        fields = parse("Drink now through 2030")
        #expect(fields.drinkFrom == 2026 && fields.drinkUntil == 2030)
        fields = parse("drink by 2032")
        #expect(fields.drinkFrom == nil && fields.drinkUntil == 2032)
        fields = parse("2024 - 2035 drinking window")
        #expect(fields.drinkFrom == 2024 && fields.drinkUntil == 2035)
        fields = parse("2016\nDrink 2020 to 2030")
        #expect(fields.vintage == 2016 && fields.drinkFrom == 2020 && fields.drinkUntil == 2030)
        fields = parse("Drink 2030-2020")
        #expect(fields.drinkUntil == nil)
    }
}
