import Testing

@testable import WineBoxDomain

@Suite struct GazetteerTests {
    let gazetteer = Gazetteer.standard

    @Test func theEmbeddedFilesLoadWithEveryRequiredCountry() {
        let countries = Set(gazetteer.places.filter { $0.level == .country }.map(\.name))
        for country in [
            "France", "Italy", "Spain", "Portugal", "Germany", "Austria", "United States", "Australia", "New Zealand",
            "Argentina", "Chile", "South Africa", "Brazil",
        ] {
            #expect(countries.contains(country), "\(country)")
        }
        #expect(gazetteer.places.count > 300)
        #expect(gazetteer.grapes.count > 100)
    }

    @Test func placesAreFoundByAnySpellingWithTheirRegionAndCountry() throws {
        let margaux = try #require(gazetteer.places(named: "MARGAUX").first)
        #expect(
            margaux
                == GazetteerPlace(
                    level: .appellation, name: "Margaux", country: "France", region: "Bordeaux", subRegion: "Médoc",
                    wineType: .red))
        #expect(gazetteer.places(named: "Osterreich").first?.name == "Austria")
        #expect(gazetteer.places(named: "Bordeaux").map(\.level) == [.region, .appellation])
        #expect(gazetteer.places(named: "colchagua").first?.region == "Central Valley")
        #expect(gazetteer.places(named: "Atlantis").isEmpty)
        #expect(gazetteer.places(named: "Bordeaux Margaux").isEmpty)
    }

    @Test func grapesAreFoundByTheirSynonyms() {
        #expect(gazetteer.grape(named: "Shiraz")?.name == "Syrah")
        #expect(gazetteer.grape(named: "tinta roriz")?.name == "Tempranillo")
        #expect(gazetteer.grape(named: "Spätburgunder") == GazetteerGrape(name: "Pinot Noir", colour: .red))
        #expect(gazetteer.grape(named: "alvarinho")?.name == "Albariño")
        #expect(gazetteer.grape(named: "Cabernet") == nil)
    }

    @Test func everyRegionAndGrapeOfTheXWinesSampleIsKnown() {
        // The RegionName and Grapes values of /work/shared/data/xwines/XWines_Test_100_wines.csv, trimmed of
        // vineyard names and qualifiers.
        let regions = [
            "Lujan de Cuyo", "Mendoza", "Clare Valley", "Frankland River", "Mornington Peninsula", "South Australia",
            "Niederösterreich", "Serra Gaúcha", "Vale dos Vinhedos", "Niagara Peninsula", "Cachapoal Valley",
            "Central Valley", "Colchagua Valley", "Maule Valley", "Alsace", "Bandol", "Cabardès", "Chablis",
            "Chambolle-Musigny", "Fleurie", "Gevrey-Chambertin", "Gigondas", "Jurançon", "Meursault",
            "Moulis-en-Médoc", "Nuits-Saint-Georges", "Pessac-Léognan", "Pommard", "Provence", "Sancerre", "Santenay",
            "Sauternes", "Vin de France", "Mosel", "Württemberg", "Chalkidiki", "Ilia", "Amarone della Valpolicella",
            "Asti", "Barbaresco", "Barbera d'Alba", "Bardolino Classico", "Barolo", "Brachetto d'Acqui",
            "Delle Venezie", "Langhe", "Moscato d'Asti", "Piemonte", "Puglia", "Salento", "Südtirol-Alto Adige",
            "Toscana", "Veneto", "Vin Santo del Chianti Classico", "Marlborough", "Alentejo", "Bairrada", "Douro",
            "Lisboa", "Porto", "Vinho Verde", "Taman Peninsula", "Western Cape", "Cream Sherry", "Montilla-Moriles",
            "Rías Baixas", "Dry Creek Valley", "Dundee Hills", "Horse Heaven Hills", "Lodi", "Mount Veeder",
            "Napa Valley", "New Mexico", "Sonoma County", "Willamette Valley", "Maldonado",
        ]
        for region in regions where region != "Vin de France" {
            #expect(!gazetteer.places(named: region).isEmpty, "\(region)")
        }
        let grapes = [
            "Albariño", "Alicante Bouschet", "Alvarinho", "Aragonez", "Arinto", "Assyrtiko", "Azal Branco",
            "Azal Tinto", "Barbera", "Bianca", "Brachetto", "Cabernet Franc", "Cabernet Sauvignon", "Carignan",
            "Cariñena", "Carmenère", "Chardonnay", "Cinsault", "Corvina", "Corvinone", "Côdega de Larinho",
            "Dolcetto", "Fernão Pires", "Fiano", "Gamay Noir", "Garnacha", "Grenache", "Lemberger", "Limnio",
            "Loureiro", "Malbec", "Malvasia", "Malvasia Fina", "Merlot", "Molinara", "Mourvedre", "Muscat of Hamburg",
            "Muscat", "Moscato", "Müller-Thurgau", "Nebbiolo", "Negroamaro", "Padeiro", "Palomino", "Pedro Ximenez",
            "Petit Manseng", "Petit Verdot", "Petite Sirah", "Pinot Blanc", "Pinot Grigio", "Pinot Gris",
            "Pinot Noir", "Primitivo", "Rabigato", "Raboso Piave", "Refosco", "Riesling", "Robola", "Rondinella",
            "Sangiovese", "Saperavi", "Seara Nova", "Syrah", "Shiraz", "Sémillon", "Tempranillo", "Tinta Amarela",
            "Tinta Barroca", "Tinta Francisca", "Tinta Roriz", "Tinto Cão", "Touriga Franca", "Touriga Nacional",
            "Trajadura", "Trebbiano", "Trincadeira", "Vinhão", "Viosinho", "Zinfandel", "Zweigelt",
        ]
        for grape in grapes {
            #expect(gazetteer.grape(named: grape) != nil, "\(grape)")
        }
    }

    @Test func malformedFilesAreRefusedWithTheFileAndLine() {
        #expect(throws: WineBoxError(.invalidInput, "regions.tsv line 2: unknown country")) {
            try Gazetteer(
                countries: "France\n", regions: "# header\nRioja\t\t\tSpain\tregion\n", appellations: "", grapes: "",
                classifications: "", wineTypes: "")
        }
        #expect(throws: WineBoxError(.invalidInput, "appellations.tsv line 1: unknown region Nowhere")) {
            try Gazetteer(
                countries: "France\n", regions: "", appellations: "Margaux\t\tNowhere\tFrance\tred\n", grapes: "",
                classifications: "", wineTypes: "")
        }
        #expect(throws: WineBoxError(.invalidInput, "grapes.tsv line 1: colour must be red or white")) {
            try Gazetteer(
                countries: "", regions: "", appellations: "", grapes: "Merlot\t\tsparkling\n", classifications: "",
                wineTypes: "")
        }
    }
}
