import Testing

@testable import WineBoxDomain

/// Whole labels, producers and names, real OCR output, and text that must not break the parser.
@Suite struct LabelTextParserTests {
    let parser = LabelTextParser()

    func parse(_ text: String) -> LabelFields { parser.parse(text, currentYear: 2026) }

    @Test func emptyOrBlankTextGivesEmptyFields() {
        #expect(parse("").isEmpty)
        #expect(parse(" \n\t\n ").isEmpty)
        #expect(parse("— • ~ |").isEmpty)
    }

    @Test func fullBordeauxLabel() {
        let text = """
            CHÂTEAU LÉOVILLE BARTON
            GRAND CRU CLASSÉ EN 1855
            2016
            SAINT-JULIEN
            APPELLATION SAINT-JULIEN CONTRÔLÉE
            Mis en bouteille au château
            Produit de France — 75 cl — 13,5 % vol.
            Contient des sulfites
            """
        let fields = parse(text)
        #expect(fields.winery == "Château Léoville Barton")
        #expect(fields.name == "Château Léoville Barton")
        #expect(fields.vintage == 2016)
        #expect(fields.appellation == "Saint-Julien")
        #expect(fields.subRegion == "Médoc")
        #expect(fields.region == "Bordeaux")
        #expect(fields.country == "France")
        #expect(fields.classification == "Grand Cru Classé")
        #expect(fields.alcoholPercentage == 13.5)
        #expect(fields.bottleSizeML == 750)
        #expect(fields.wineType == .red)
    }

    @Test func fullNapaLabel() {
        let text = """
            Silver Oak
            2018
            Napa Valley
            Cabernet Sauvignon
            Produced and bottled by Silver Oak Cellars, Oakville, CA
            Alc. 14.2% by vol. 750 ml
            Made in USA
            Drink now through 2035
            """
        let fields = parse(text)
        #expect(fields.winery == "Silver Oak Cellars")
        #expect(fields.name == "Cabernet Sauvignon")
        #expect(fields.vintage == 2018)
        #expect(fields.grapeVariety == "Cabernet Sauvignon")
        #expect(fields.wineType == .red)
        #expect(fields.subRegion == "Napa Valley")
        #expect(fields.region == "California")
        #expect(fields.country == "United States")
        #expect(fields.alcoholPercentage == 14.2)
        #expect(fields.bottleSizeML == 750)
        #expect(fields.drinkFrom == 2026 && fields.drinkUntil == 2035)
    }

    @Test func fullGermanAndPortugueseLabels() {
        var fields = parse(
            """
            Weingut Dr. Loosen
            2019er Wehlener Sonnenuhr
            Riesling Spätlese
            Mosel
            Qualitätswein mit Prädikat – Erzeugerabfüllung
            A.P.Nr. 2 576 511 18 20 · 8,5% vol · 750 ml
            Product of Germany
            """)
        #expect(fields.winery == "Weingut Dr. Loosen")
        #expect(fields.vintage == 2019)
        #expect(fields.grapeVariety == "Riesling" && fields.wineType == .white)
        #expect(fields.classification == "Spätlese")
        #expect(fields.region == "Mosel" && fields.country == "Germany")
        #expect(fields.alcoholPercentage == 8.5)
        fields = parse(
            """
            QUINTA DO CRASTO
            DOURO
            Denominação de Origem Controlada
            Vinho Tinto 2017
            Touriga Nacional 40%, Touriga Franca 30%, Tinta Roriz 30%
            Engarrafado por Quinta do Crasto S.A. Gouvinhas, Portugal
            14% vol 75cl
            """)
        #expect(fields.winery == "Quinta do Crasto")
        #expect(fields.appellation == "Douro" && fields.country == "Portugal")
        #expect(fields.wineType == .red && fields.vintage == 2017)
        #expect(fields.grapes.first == BlendComponent(grape: "Touriga Nacional", percentage: 40))
        #expect(fields.grapes.last == BlendComponent(grape: "Tempranillo", percentage: 30))
    }

    @Test func labelsFromAroundTheWorld() {
        var fields = parse(
            "Penfolds\nGrange\nBin 95\nShiraz 2016\nSouth Australia\nProduct of Australia\n750mL 14.5% alc/vol")
        #expect(fields.winery == "Penfolds" && fields.name == "Grange" && fields.grapeVariety == "Syrah")
        #expect(fields.region == "South Australia" && fields.vintage == 2016 && fields.bottleSizeML == 750)
        fields = parse("Cloudy Bay\nSauvignon Blanc 2022\nMarlborough New Zealand\n13% vol")
        #expect(fields.name == "Sauvignon Blanc" && fields.vintage == 2022 && fields.region == "Marlborough")
        fields = parse("Kanonkop\nPinotage 2018\nStellenbosch\nWine of Origin\nProduct of South Africa")
        #expect(fields.name == "Pinotage" && fields.appellation == "Stellenbosch" && fields.wineType == .red)
        fields = parse("Moët & Chandon\nImpérial\nChampagne\nBrut\nÉlaboré par Moët & Chandon, Épernay\n12% vol 75cl")
        #expect(fields.winery == "Moët & Chandon" && fields.name == "Impérial" && fields.wineType == .sparkling)
        #expect(fields.appellation == "Champagne" && fields.country == "France")
        fields = parse("Taylor's\n10 Year Old Tawny Port\nProduct of Portugal\n20% vol")
        #expect(fields.wineType == .fortified && fields.appellation == "Porto" && fields.region == "Douro")
        #expect(fields.alcoholPercentage == 20 && fields.vintage == nil)
        fields = parse("Catena Zapata\nMalbec Argentino\nMendoza\nAlc. 13.9% Vol.")
        #expect(fields.winery == "Catena Zapata" && fields.region == "Mendoza" && fields.country == "Argentina")
    }

    @Test(arguments: [
        ("Domaine Leflaive\nPuligny-Montrachet", "Domaine Leflaive"),
        ("Bodegas Muga\nReserva 2016", "Bodegas Muga"),
        ("Tenuta San Guido\nSassicaia", "Tenuta San Guido"),
        ("Ridge Vineyards\nMonte Bello", "Ridge Vineyards"),
        ("Monte Bello\nBottled by Ridge Vineyards, Cupertino", "Ridge Vineyards"),
        ("Cuvée Alice\nMis en bouteille par SCEA Durand, 33000 Bordeaux", "SCEA Durand"),
        ("Riesling\nAbgefüllt von Weinhaus Müller", "Weinhaus Müller"),
        ("CASA VALDUGA\nOrigem Merlot", "Casa Valduga"),
        ("Herdade do Esporão\nReserva", "Herdade do Esporão"),
    ])
    func producers(text: String, expected: String) {
        #expect(parse(text).winery == expected)
    }

    @Test func producerFallsBackToTheFirstPlausibleLine() {
        let fields = parse("2015\n13.5% vol\nPenfolds\nBin 389 Cabernet Shiraz")
        #expect(fields.winery == "Penfolds")
        #expect(fields.name == "Bin 389 Cabernet Shiraz")
        #expect(parse("Estate Bottled\nContains sulfites").winery == nil)
    }

    @Test func nameIsAPlausibleLineNotGarbageAndNotTheProducer() {
        var fields = parse("Domaine Tempier\nBandol\nCuvée Cabassaou\nMis en bouteille au domaine")
        #expect(fields.winery == "Domaine Tempier")
        #expect(fields.name == "Cuvée Cabassaou")
        fields = parse("Tenuta X\nBarolo\nDOCG")
        #expect(fields.name == "Barolo")
        fields = parse(";;: ~~ @@ ||\nIB LES\n%%% 12")
        #expect(fields.name == nil)
    }

    // Real Tesseract 5 output (`tesseract <photo> - --psm 3`) of photos in /work/shared/data.

    @Test func ocrOfTheRoundedLabel() {
        let text = """
            E ih
            iy
            nh r

            Cabernet Sauvignon Grapes 8° ont nt os

            oa

            pPRODUCEP

            SEATTLE eo

            ALCOHOL 12% BY volume

            a
            """
        let fields = parse(text)
        #expect(fields.grapeVariety == "Cabernet Sauvignon")
        #expect(fields.alcoholPercentage == 12)
        #expect(fields.wineType == .red)
        #expect(fields.vintage == nil && fields.classification == nil && fields.country == nil)
    }

    @Test func ocrOfTheJoPithonLabel() {
        let text = """
            CB

            IB LES
            SELECT

            | one

            IN C

            T AUB!

            Lo tTON COTEAUX DU LAYON a : ia
            St

            micas, Is, 3 chemin ds Meauiin:
            """
        let fields = parse(text)
        #expect(fields.appellation == "Coteaux du Layon")
        #expect(fields.region == "Loire" && fields.subRegion == "Anjou-Saumur" && fields.country == "France")
        #expect(fields.wineType == .dessert)
        #expect(fields.vintage == nil && fields.classification == nil && fields.alcoholPercentage == nil)
    }

    @Test func ocrOfXWinesPhotos() {
        var fields = parse("NIK WEIS\nST. URBAN S-HOF\nTS\nSAAR\nRIESLING\n(4 2)\n’ Sy\n’ +S =e\n: 3g fi\nNAINA, vide")
        #expect(fields.grapeVariety == "Riesling" && fields.wineType == .white)
        #expect(fields.winery == "Nik Weis")
        fields = parse("NUITS-St-GEORGES\nATION CONTROLEE\n\"TA VOSNE-ROMANEE (COTE-D(08) FANS")
        #expect(fields.appellation == "Nuits-Saint-Georges" && fields.subRegion == "Côte de Nuits")
        #expect(fields.region == "Burgundy" && fields.country == "France" && fields.wineType == .red)
        fields = parse("- Chateau\nGion des Pins\nLes a es Dentelles\nGIGONDAS\nDLORIGIVE PROTEGEE")
        #expect(fields.appellation == "Gigondas" && fields.region == "Rhône" && fields.wineType == .red)
        fields = parse("GRAND VIN DE BOURGOGNE\nPRODUIT DE FRANCE")
        #expect(fields.region == "Burgundy" && fields.country == "France" && fields.classification == "Grand Vin")
        fields = parse("MARE ALTA\n\nVINH' O VERDE\n")
        #expect(fields.appellation == nil && fields.classification == nil)
        fields = parse("CALDA-BORDALEZA\n\nCAMPOLARGO\n\nBa\n")
        #expect(fields.classification == nil && fields.region == nil)
    }

    @Test func malformedGarbageAndHugeTextDoNotBreakTheParser() {
        let garbage = String(repeating: "%%%° 12,,5 ..– 2019-- \u{0}\u{FFFD}\u{301} ﬁ ß ", count: 300)
        _ = parse(garbage)
        let huge = String(repeating: "Château Margaux 2015 Merlot 60% 13.5% vol 750 ml\n", count: 20_000)
        let fields = parse(huge)
        #expect(fields.vintage == 2015)
        #expect(fields.appellation == "Margaux")
        let oneLine = String(repeating: "a", count: 100_000)
        #expect(parse(oneLine).name == nil)
        #expect(parse("9999999999999999999999 % vol 1e400 ml").alcoholPercentage == nil)
        #expect(parse("\u{1F377}\u{1F377} Rosé \u{1F377}").wineType == .rose)
    }

    @Test func aSmallerGazetteerIsUsedWhenGiven() throws {
        let gazetteer = try Gazetteer(
            countries: "Utopia\tutopie\n", regions: "Valley\t\t\tUtopia\tregion\n",
            appellations: "Hill\t\tValley\tUtopia\twhite\n", grapes: "Sunberry\t\tred\n", classifications: "",
            wineTypes: "")
        let fields = LabelTextParser(gazetteer: gazetteer).parse("Hill\nSunberry\nBordeaux", currentYear: 2026)
        #expect(fields.appellation == "Hill" && fields.region == "Valley" && fields.country == "Utopia")
        #expect(fields.grapeVariety == "Sunberry" && fields.wineType == .red)
    }
}
