import Testing

@testable import WineBoxDomain

/// Folding, word similarity and the scoring of ``XWinesMatcher``, on small hand-made references.
@Suite struct XWinesMatcherTests {
    static func wine(
        _ id: Int, _ name: String, winery: String?, region: String? = nil, type: String = "Red", abv: Double? = nil,
        country: String? = nil, ratings: Int = 0
    ) -> XWinesWine {
        XWinesWine(
            id: id, name: name, wineType: type, grapes: ["Merlot"], abv: abv, country: country, regionName: region,
            wineryName: winery, ratingCount: ratings)
    }

    /// Statistics in which each listed word occurs in that many of `wineCount` wines.
    static func statistics(_ frequencies: [String: Int] = [:], wineCount: Int = 1_000) -> XWinesWordStatistics {
        XWinesWordStatistics(wineCount: wineCount, documentFrequencies: frequencies)
    }

    static func similarity(_ reference: String, _ label: String) -> Double {
        let scalars = label.unicodeScalars.map(\.value)
        return WordSimilarity(reference: reference).similarity(
            to: scalars, labelBigrams: WordSimilarity.bigrams(of: scalars))
    }

    @Test func foldingIgnoresCaseAccentsAndPunctuation() {
        #expect(XWinesMatchWords.folded("Château d'Yquem") == ["chateau", "d", "yquem"])
        #expect(XWinesMatchWords.folded("MÜLLER-Thurgau, Südtirol") == ["muller", "thurgau", "sudtirol"])
        #expect(XWinesMatchWords.folded("Weis-St. Urbans-Hof") == ["weis", "st", "urbans", "hof"])
        #expect(XWinesMatchWords.folded("@®RIGEM  ·  Viña 1924") == ["rigem", "vina", "1924"])
        #expect(XWinesMatchWords.folded("  — ") == [])
    }

    @Test func labelWordsRepairSplitWordsAndLookAlikeDigits() {
        let words = XWinesMatchWords.labelWords("CAMPOL “A RGO  MERCOU RI  Ssqc-LF0G 2019")
        #expect(words.contains("campolargo"))
        #expect(words.contains("mercouri"))
        #expect(words.contains("lfog"))
        #expect(words.contains("2019"))
        #expect(!words.contains("lf0g2019"))
        #expect(XWinesMatchWords.digitsAsLetters("5ant1") == "santl")
        #expect(XWinesMatchWords.digitsAsLetters("2019") == nil)
    }

    @Test func similarityForgivesTypicalOCRErrors() {
        #expect(Self.similarity("valduga", "valduga") == 1)
        #expect(Self.similarity("origem", "rigem") > 0.8)
        #expect(Self.similarity("gevrey", "grurey") > 0.6)
        #expect(Self.similarity("gevrey", "grutey") == 0)
        #expect(Self.similarity("alentejo", "ntejo") > 0.6)
        #expect(Self.similarity("trocken", "btrocken") > 0.8)
        #expect(Self.similarity("leognan", "leogn") > 0.7)
        // Unrelated or too short words do not match.
        #expect(Self.similarity("gevrey", "bandol") == 0)
        #expect(Self.similarity("ama", "amo") == 0)
        #expect(Self.similarity("porto", "po") == 0)
        #expect(WordSimilarity.damerauLevenshtein(Array("ab".unicodeScalars.map(\.value)), [98, 97]) == 1)
    }

    @Test func rareWordsWeighMoreThanCommonOnes() {
        let statistics = Self.statistics(["chateau": 300, "valduga": 1])
        #expect(statistics.weight(of: "valduga") > 0.9)
        #expect(statistics.weight(of: "chateau") < 0.25)
        #expect(statistics.weight(of: "de") == 0)
        // Two wines share the generic word the label shows; the one whose rare word is also there wins, and a
        // wine matching only the generic word scores far lower.
        let candidates = [
            Self.wine(1, "Reserva", winery: "Château Margaux"),
            Self.wine(2, "Reserva", winery: "Château Valduga"),
        ]
        let matches = XWinesMatcher(statistics: Self.statistics(["chateau": 300, "reserva": 200])).rank(
            text: "CHATEAU VALDUGA\nRESERVA", candidates: candidates)
        #expect(matches.map(\.wine.id) == [2, 1])
        #expect(matches[0].score > matches[1].score + 0.25)
    }

    @Test func aNoisyLabelFindsItsWine() {
        let candidates = [
            Self.wine(100_062, "Origem Merlot", winery: "Casa Valduga", region: "Vale dos Vinhedos"),
            Self.wine(100_063, "Merlot", winery: "Casa Perini", region: "Vale dos Vinhedos"),
            Self.wine(
                112_875, "Vieille Vigne Gevrey-Chambertin", winery: "Domaine Fourrier", region: "Gevrey-Chambertin"),
        ]
        let matcher = XWinesMatcher(statistics: Self.statistics(["merlot": 80, "casa": 60, "domaine": 150]))
        let first = matcher.rank(text: "@®RIGEM\n\nCASA VALDUGA", candidates: candidates)
        #expect(first.first?.wine.id == 100_062)
        #expect(first.first?.evidence.contains { $0.field == .name && $0.reference == "origem" } == true)
        #expect(first.first?.evidence.contains { $0.field == .winery && $0.label == "valduga" } == true)

        let second = matcher.rank(text: "Grutey- Gy Vieille Vigne nu : Tut", candidates: candidates)
        #expect(second.map(\.wine.id) == [112_875])
        #expect((second.first?.score ?? 0) > 0.3)
        #expect((second.first?.score ?? 2) <= 1)

        #expect(matcher.rank(text: "~~ | = —", candidates: candidates).isEmpty)
        #expect(matcher.rank(text: "", candidates: candidates).isEmpty)
        #expect(matcher.rank(text: "CASA VALDUGA", candidates: []).isEmpty)
        // A very long text is cut to its first words rather than taking unbounded time.
        let noise = (0..<5_000).map { "q\($0)" }.joined(separator: " ")
        #expect(matcher.rank(text: noise + " CASA VALDUGA", candidates: candidates).isEmpty)
        #expect(matcher.rank(text: "CASA VALDUGA " + noise, candidates: candidates).first?.wine.id == 100_062)
        let parsed = LabelFields(name: "Origem", winery: "Casa Valduga")
        #expect(matcher.rank(text: noise, fields: parsed, candidates: candidates).first?.wine.id == 100_062)
        #expect(matcher.rank(text: "CASA VALDUGA", candidates: candidates, limit: 0).isEmpty)
    }

    @Test func typeAlcoholAndCountryBreakTies() {
        let candidates = [
            Self.wine(1, "Gran Reserva", winery: "Bodega Norte", type: "White", abv: 12.0),
            Self.wine(2, "Gran Reserva", winery: "Bodega Norte", type: "Red", abv: 14.5),
        ]
        let matcher = XWinesMatcher(statistics: Self.statistics())
        let byType = matcher.rank(
            text: "GRAN RESERVA BODEGA NORTE", fields: LabelFields(wineType: .red), candidates: candidates)
        #expect(byType.map(\.wine.id) == [2, 1])
        #expect(byType[0].evidence.contains { $0.field == .wineType })

        let byAlcohol = matcher.rank(
            text: "GRAN RESERVA BODEGA NORTE", fields: LabelFields(alcoholPercentage: 12.3), candidates: candidates)
        #expect(byAlcohol.map(\.wine.id) == [1, 2])
        #expect(byAlcohol[0].evidence.contains { $0.field == .alcohol })

        let byCountry = matcher.rank(
            text: "GRAN RESERVA BODEGA NORTE PRODUCT OF CHILE",
            candidates: [
                Self.wine(1, "Gran Reserva", winery: "Bodega Norte", country: "Argentina"),
                Self.wine(2, "Gran Reserva", winery: "Bodega Norte", country: "Chile"),
            ])
        #expect(byCountry.map(\.wine.id) == [2, 1])

        // Equal on everything else, the wine with more ratings comes first.
        let byPopularity = matcher.rank(
            text: "GRAN RESERVA BODEGA NORTE",
            candidates: [
                Self.wine(1, "Gran Reserva", winery: "Bodega Norte", ratings: 3),
                Self.wine(2, "Gran Reserva", winery: "Bodega Norte", ratings: 900),
            ])
        #expect(byPopularity.map(\.wine.id) == [2, 1])
    }

    @Test func regionWordsBreakTiesBetweenNameAlikes() {
        let candidates = [
            Self.wine(1, "Pinot Noir", winery: "Kestrel", region: "Marlborough"),
            Self.wine(2, "Pinot Noir", winery: "Kestrel", region: "Willamette Valley"),
        ]
        let matches = XWinesMatcher(statistics: Self.statistics()).rank(
            text: "KESTREL Pinot Noit (LLAMETTE VALLE OREGON", candidates: candidates)
        #expect(matches.map(\.wine.id) == [2, 1])
        #expect(matches[0].evidence.contains { $0.field == .region && $0.reference == "willamette" })
    }

    @Test func fillingFillsOnlyEmptyFieldsAndNamesThem() {
        var wine = Self.wine(
            7, "Origem Merlot", winery: "Casa Valduga", region: "Vale dos Vinhedos", abv: 13, country: "Brazil")
        wine.grapes = ["Merlot", "Tannat"]
        let label = LabelFields(
            winery: "Valduga", vintage: 2019, grapes: [BlendComponent(grape: "Merlot", percentage: 85)],
            alcoholPercentage: 13.5)
        let (fields, filled) = XWinesMatcher.filling(label, from: wine)
        #expect(filled == ["name", "wine_type", "grape_variety", "region", "country"])
        #expect(fields.name == "Origem Merlot")
        #expect(fields.winery == "Valduga")
        #expect(fields.vintage == 2019)
        #expect(fields.wineType == .red)
        #expect(fields.grapeVariety == "Merlot")
        #expect(fields.grapes == [BlendComponent(grape: "Merlot", percentage: 85)])
        #expect(fields.region == "Vale dos Vinhedos")
        #expect(fields.country == "Brazil")
        #expect(fields.alcoholPercentage == 13.5)

        let empty = XWinesMatcher.filling(LabelFields(), from: wine)
        #expect(
            empty.filled == [
                "name", "winery", "wine_type", "grape_variety", "grapes", "region", "country", "alcohol_percentage",
            ])
        #expect(empty.fields.grapes.map(\.grape) == ["Merlot", "Tannat"])

        // A type the cellar does not know is left for the member.
        let odd = XWinesMatcher.filling(LabelFields(), from: Self.wine(8, "Odd", winery: nil, type: "Orange"))
        #expect(odd.fields.wineType == nil)
        #expect(!odd.filled.contains("wine_type"))
        #expect(!odd.filled.contains("winery"))
    }
}
