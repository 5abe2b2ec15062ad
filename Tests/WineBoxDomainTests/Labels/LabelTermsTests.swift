import Testing

@testable import WineBoxDomain

/// Places, grapes, classifications and wine types: the words of a label that the gazetteer knows.
@Suite struct LabelTermsTests {
    let parser = LabelTextParser()

    func parse(_ text: String) -> LabelFields { parser.parse(text, currentYear: 2026) }

    @Test(arguments: [
        ("Product of France", "France"), ("Produce of Italy", "Italy"), ("Produit de France", "France"),
        ("Made in USA", "United States"), ("PRODUCT OF U.S.A.", "United States"), ("Vino de España", "Spain"),
        ("Erzeugnis aus Deutschland", "Germany"), ("Österreich", "Austria"), ("Produto de Portugal", "Portugal"),
        ("Prodotto in Italia", "Italy"), ("Wine of South Africa", "South Africa"), ("Vinho do Brasil", "Brazil"),
    ])
    func countriesInEnglishAndLocalLanguages(text: String, expected: String) {
        #expect(parse(text).country == expected)
    }

    @Test(arguments: [
        ("Napa Valley Cabernet", "United States"), ("Bordeaux", "France"), ("Barossa Valley Shiraz", "Australia"),
        ("Marlborough", "New Zealand"), ("Mendoza", "Argentina"), ("Stellenbosch", "South Africa"),
        ("Vale dos Vinhedos", "Brazil"), ("Rioja", "Spain"), ("Mosel", "Germany"), ("Wachau", "Austria"),
        ("Colchagua Valley", "Chile"), ("Douro", "Portugal"),
    ])
    func countryInferredFromRegionOrAppellation(text: String, expected: String) {
        #expect(parse(text).country == expected)
    }

    @Test func appellationBringsSubRegionRegionAndCountry() {
        var fields = parse("Château Palmer\nAppellation Margaux Contrôlée\nBordeaux")
        #expect(fields.appellation == "Margaux")
        #expect(fields.subRegion == "Médoc")
        #expect(fields.region == "Bordeaux")
        #expect(fields.country == "France")
        fields = parse("GEVREY-CHAMBERTIN\nAppellation Gevrey-Chambertin Contrôlée")
        #expect(fields.appellation == "Gevrey-Chambertin" && fields.subRegion == "Côte de Nuits")
        #expect(fields.region == "Burgundy")
        fields = parse("Gigondas\nAppellation d'Origine Protégée")
        #expect(fields.appellation == "Gigondas" && fields.region == "Rhône" && fields.subRegion == "Southern Rhône")
        fields = parse("BAROLO\nDenominazione di Origine Controllata e Garantita")
        #expect(fields.appellation == "Barolo" && fields.region == "Piedmont" && fields.country == "Italy")
        fields = parse("Chianti Classico DOCG")
        #expect(fields.appellation == "Chianti Classico" && fields.region == "Tuscany")
        fields = parse("Vinho Verde\nDenominação de Origem Controlada")
        #expect(fields.appellation == "Vinho Verde" && fields.country == "Portugal")
        fields = parse("Sonoma County Chardonnay")
        #expect(fields.subRegion == "Sonoma County" && fields.region == "California")
        fields = parse("Oakville\nNapa Valley")
        #expect(fields.appellation == "Oakville" && fields.subRegion == "Napa Valley")
    }

    @Test func theMoreSpecificAppellationWinsOverARegionName() {
        let fields = parse("Grand Vin de Bordeaux\nPAUILLAC\nAppellation Pauillac Contrôlée")
        #expect(fields.appellation == "Pauillac")
        #expect(fields.region == "Bordeaux")
    }

    @Test func regionWithoutAppellationGivesRegionOnly() {
        let fields = parse("Württemberg\nLemberger trocken")
        #expect(fields.region == "Württemberg" && fields.country == "Germany")
        #expect(fields.grapeVariety == "Blaufränkisch")
    }

    @Test func placeNamesInsideOtherWordsAreNotFound() {
        let fields = parse("Bordelaise sauce\nNapalm\nMargauxx")
        #expect(fields.region == nil && fields.appellation == nil && fields.country == nil)
    }

    @Test(arguments: [
        ("Grand Cru", "Grand Cru"), ("1er Cru", "Premier Cru"), ("Premier Cru", "Premier Cru"),
        ("Grand Cru Classé", "Grand Cru Classé"), ("Cru Bourgeois", "Cru Bourgeois"), ("Riserva", "Riserva"),
        ("Gran Reserva", "Gran Reserva"), ("Crianza", "Crianza"), ("Kabinett", "Kabinett"), ("Spätlese", "Spätlese"),
        ("SPATLESE", "Spätlese"), ("Auslese", "Auslese"), ("Beerenauslese", "Beerenauslese"),
        ("Trockenbeerenauslese", "Trockenbeerenauslese"), ("Eiswein", "Eiswein"), ("Riesling GG", "Grosses Gewächs"),
        ("Großes Gewächs", "Grosses Gewächs"), ("VDP.GROSSE LAGE", "VDP.Grosse Lage"), ("Erste Lage", "Erste Lage"),
        ("Sélection de Grains Nobles", "Sélection de Grains Nobles"), ("Vendanges Tardives", "Vendanges Tardives"),
        ("Barolo DOCG", "DOCG"), ("Rioja DOCa", "DOCa"), ("Chianti Superiore", "Superiore"),
        ("Qualitätswein", "Qualitätswein"), ("Private Reserve", "Reserve"), ("Spätlese\nQualitätswein", "Spätlese"),
    ])
    func classificationsAsWholeWords(text: String, expected: String) {
        #expect(parse(text).classification == expected)
    }

    @Test(arguments: [
        "Barolo", "Barossa Valley Shiraz", "Gamba Rossa", "Bagatelle", "Egg white", "Ingg", "Documentary",
        "Docteur Morel", "do Douro", "Vale do Sol", "doc holliday", "Nuggets", "Cruise", "Ggantija", "Doca",
        "aoc", "Bacchus",
    ])
    func noClassificationFromPartsOfWordsOrLowerCaseAbbreviations(text: String) {
        #expect(parse(text).classification == nil)
    }

    @Test func grapesWithSynonymsAndTheLongestName() {
        #expect(parse("Barossa Shiraz").grapeVariety == "Syrah")
        #expect(parse("Garnacha").grapeVariety == "Grenache")
        #expect(parse("Monastrell").grapeVariety == "Mourvèdre")
        #expect(parse("Pinot Grigio delle Venezie").grapeVariety == "Pinot Gris")
        #expect(parse("Spätburgunder trocken").grapeVariety == "Pinot Noir")
        #expect(parse("Aragonez").grapeVariety == "Tempranillo")
        #expect(parse("Primitivo di Manduria").grapeVariety == "Zinfandel")
        #expect(parse("Cannonau di Sardegna").grapeVariety == "Grenache")
        #expect(parse("Alvarinho").grapeVariety == "Albariño")
        #expect(parse("Cabernet Sauvignon").grapes == [BlendComponent(grape: "Cabernet Sauvignon", percentage: nil)])
        #expect(parse("Sauvignon Blanc").grapes == [BlendComponent(grape: "Sauvignon Blanc", percentage: nil)])
        #expect(parse("Vino Nobile di Montepulciano").grapes.isEmpty)
        #expect(parse("Merlotte Barbieri").grapes.isEmpty)
    }

    @Test func blendsWithSharesEitherSide() {
        var fields = parse("60% Cabernet Sauvignon, 40% Merlot")
        #expect(
            fields.grapes == [
                BlendComponent(grape: "Cabernet Sauvignon", percentage: 60),
                BlendComponent(grape: "Merlot", percentage: 40),
            ])
        #expect(fields.grapeVariety == "Cabernet Sauvignon")
        fields = parse("Merlot 35%, Cabernet Franc 65%\n14% vol")
        #expect(
            fields.grapes == [
                BlendComponent(grape: "Merlot", percentage: 35),
                BlendComponent(grape: "Cabernet Franc", percentage: 65),
            ])
        #expect(fields.grapeVariety == "Cabernet Franc")
        #expect(fields.alcoholPercentage == 14)
        fields = parse("Touriga Nacional, Touriga Franca e Tinta Roriz")
        #expect(fields.grapes.map(\.grape) == ["Touriga Nacional", "Touriga Franca", "Tempranillo"])
        #expect(fields.grapeVariety == "Touriga Nacional")
        fields = parse("Shiraz 13.5% vol")
        #expect(fields.grapes == [BlendComponent(grape: "Syrah", percentage: nil)])
        fields = parse("Syrah 50% Shiraz 20% Grenache 30%")
        #expect(fields.grapes.map(\.grape) == ["Syrah", "Grenache"])
    }

    @Test(arguments: [
        ("Vin Rouge", WineType.red), ("Vino Tinto", .red), ("Rosso Toscano", .red), ("Rotwein", .red),
        ("Vin Blanc", .white), ("Vinho Branco", .white), ("Bianco", .white), ("Weißwein", .white),
        ("Rosé", .rose), ("Rosado", .rose), ("Rosato", .rose), ("Brut", .sparkling), ("Sekt b.A.", .sparkling),
        ("Spumante", .sparkling), ("Crémant de Loire", .sparkling), ("Cava", .sparkling),
        ("Champagne", .sparkling), ("Espumante", .sparkling), ("Tawny Port", .fortified), ("Porto", .fortified),
        ("Madeira", .fortified), ("Cream Sherry", .fortified), ("Sauternes", .dessert), ("Tokaji", .dessert),
        ("Late Harvest Riesling", .dessert), ("Vendanges Tardives", .dessert), ("SGN", .dessert),
        ("Beerenauslese", .dessert), ("Brut Rosé", .sparkling), ("Pinot Noir Rosé", .rose),
        ("Cabernet Sauvignon", .red), ("Chardonnay", .white), ("Tavel", .rose), ("Barolo", .red),
        ("Sauternes Sémillon", .dessert), ("Champagne Pinot Noir", .sparkling), ("Tinto Cão Branco", .white),
    ])
    func wineTypeFromWordsThenAppellationThenGrape(text: String, expected: WineType) {
        #expect(parse(text).wineType == expected)
    }

    @Test func noWineTypeWithoutEvidence() {
        #expect(parse("Domaine Durand\n2018").wineType == nil)
        #expect(parse("Port Phillip").wineType == nil)
    }
}
