import Testing

@testable import WineBoxServices

@Suite struct LabelTextScoreTests {
    @Test(arguments: ["Château", "MARGAUX", "d'Alba", "Weis-St", "1994", "“Plateaux”", "Müller,"])
    func wordsAndVintagesArePlausible(text: String) {
        #expect(LabelTextScore.isPlausible(text))
    }

    @Test(arguments: ["", "a", "ab", "—", "Ww", "NY", "xkcd", "1247", "3000", "Wooooo", "a1b2", "||||"])
    func noiseIsNot(text: String) {
        #expect(!LabelTextScore.isPlausible(text))
    }

    @Test func confidentLongWordsScoreMore() {
        func word(_ text: String, _ confidence: Double) -> RecognizedWord {
            RecognizedWord(text: text, confidence: confidence, line: 0, left: 0, top: 0, width: 1, height: 1)
        }
        #expect(LabelTextScore.score([]) == 0)
        #expect(LabelTextScore.score([word("Ww", 99), word("xkcd", 95), word("Margaux", 40)]) == 0)
        #expect(LabelTextScore.score([word("Margaux", 80)]) == 0.8 * 7)
        #expect(LabelTextScore.score([word("Margaux", 90)]) > LabelTextScore.score([word("Margaux", 60)]))
        // A run of letters counts for at most 12.
        #expect(LabelTextScore.score([word(String(repeating: "ab", count: 20), 100)]) == 12)
    }

    @Test func tsvRowsBecomeWordsOnLines() {
        let tsv = [
            "1\t1\t0\t0\t0\t0\t0\t0\t800\t600\t-1\t",
            "4\t1\t1\t1\t1\t0\t10\t10\t300\t40\t-1\t",
            "5\t1\t1\t1\t1\t1\t10\t10\t120\t40\t96.5\tCLOS",
            "5\t1\t1\t1\t1\t2\t140\t10\t120\t40\t91.25\tdes",
            "5\t1\t2\t1\t1\t1\t10\t80\t120\t40\t88\tBois",
            "5\t1\t2\t1\t1\t2\t10\t80\t120\t40\t-1\t ",
            "5\t1\t2\t1\t1\t3\tx\t80\t120\t40\t70\tbroken",
            "5\t1\t2\t1\t1\t4\t200\t80\t50\t40\t70\tword\twith tab",
        ].joined(separator: "\n")
        let words = TesseractPage.words(fromTSV: tsv)
        #expect(words.map(\.text) == ["CLOS", "des", "Bois", "word\twith tab"])
        #expect(words.map(\.line) == [0, 0, 1, 1])
        #expect(words[0].confidence == 96.5)
        #expect(words[1].left == 140 && words[1].width == 120 && words[1].height == 40)
        #expect(LabelTextReader.text(of: words, minConfidence: 80) == "CLOS des\nBois")
    }
}
