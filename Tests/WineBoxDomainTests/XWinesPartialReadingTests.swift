import Testing
import WineBoxDomain

@Suite struct XWinesPartialReadingTests {
    let lacrau = XWinesWine(
        id: 103435, name: "Lacrau Colheita Field Blend", wineType: "Red", wineryName: "Secret Spot Wines")

    @Test func guessesMadeOnlyOfTheWinesOwnWordsGiveWayToTheReference() {
        let read = LabelFields(name: "Field Blend", winery: "SECRET SP0T", vintage: 2019, region: "Douro")
        let kept = XWinesMatcher.withoutPartialReadings(read, of: lacrau)
        #expect(kept.name == nil)
        #expect(kept.winery == nil)
        #expect(kept.vintage == 2019)
        #expect(kept.region == "Douro")

        let filled = XWinesMatcher.filling(kept, from: lacrau).fields
        #expect(filled.name == "Lacrau Colheita Field Blend")
        #expect(filled.winery == "Secret Spot Wines")
    }

    @Test func theProducersLineTakenForTheNameIsReplacedToo() {
        let read = LabelFields(name: "Secret Spot Wines", winery: nil)
        #expect(XWinesMatcher.withoutPartialReadings(read, of: lacrau).name == nil)
    }

    @Test func aGuessWithWordsTheReferenceDoesNotHaveIsKept() {
        let read = LabelFields(name: "Reserva Especial", winery: "Quinta do Vale")
        let kept = XWinesMatcher.withoutPartialReadings(read, of: lacrau)
        #expect(kept.name == "Reserva Especial")
        #expect(kept.winery == "Quinta do Vale")
    }
}
