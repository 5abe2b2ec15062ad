/// Totals and breakdowns of the bottles in the cellar now.
public struct CellarSummary: Sendable {
    public var totalBottles = 0
    /// Wines with at least one bottle.
    public var uniqueWines = 0
    /// Every wine ever recorded, empty ones included.
    public var totalWinesTracked = 0
    /// Lots bought as cases that still hold bottles.
    public var totalCases = 0
    /// Bottles per key, largest first (vintage: newest first, "NV" last). Wines without the field count as
    /// "Unknown".
    public var byVintage: [(key: String, bottles: Int)] = []
    public var byCountry: [(key: String, bottles: Int)] = []
    public var byGrapeVariety: [(key: String, bottles: Int)] = []
    public var byWineType: [(key: String, bottles: Int)] = []
    public var byRegion: [(key: String, bottles: Int)] = []
    /// Value of the bottles at their purchase price, per currency code.
    public var valueByCurrency: [(currency: String, value: Double)] = []
    /// Bottles whose lot has no price.
    public var bottlesWithoutPrice = 0
    /// Bottles whose drinking window includes this year, and the wines they belong to.
    public var readyToDrink = WindowCount()
    /// Bottles whose drinking window ended before this year.
    public var pastWindow = WindowCount()
    /// Bottles whose drinking window starts after this year.
    public var notReady = WindowCount()

    public init() {}

    public struct WindowCount: Sendable, Equatable {
        public var bottles = 0
        public var wines: [WineReference] = []

        public init(bottles: Int = 0, wines: [WineReference] = []) {
            self.bottles = bottles
            self.wines = wines
        }
    }
}
