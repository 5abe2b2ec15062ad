/// Reads the gazetteer files into places, grapes and their indices; used once by ``Gazetteer/init``.
struct GazetteerLoader {
    private(set) var places: [GazetteerPlace] = []
    private(set) var grapes: [GazetteerGrape] = []
    private(set) var classifications: [GazetteerClassification] = []
    private(set) var placeIndex = PhraseMatcher<Int>()
    private(set) var grapeIndex = PhraseMatcher<Int>()
    private(set) var classificationIndex = PhraseMatcher<Int>()
    private(set) var wineTypeIndex = PhraseMatcher<WineType>()

    /// countries.tsv: name, synonyms. regions.tsv: name, synonyms, parent, country, level. appellations.tsv:
    /// name, synonyms, region or sub-region, country, wine type.
    mutating func loadPlaces(countries: String, regions: String, appellations: String) throws {
        let countryTable = try GazetteerTable(file: "countries.tsv", text: countries, columns: 1...2)
        var countryNames: Set<String> = []
        for row in countryTable.rows {
            countryNames.insert(row.cells[0])
            add(GazetteerPlace(level: .country, name: row.cells[0], country: row.cells[0]), row.list(1))
        }
        let regionTable = try GazetteerTable(file: "regions.tsv", text: regions, columns: 5...5)
        let known = try regionsByName(regionTable, countries: countryNames)
        for row in regionTable.rows {
            add(
                try resolve(row.cells[0], country: row.cells[3], known: known, table: regionTable, row: row),
                row.list(1))
        }
        let appellationTable = try GazetteerTable(file: "appellations.tsv", text: appellations, columns: 4...5)
        for row in appellationTable.rows {
            let (name, country) = (row.cells[0], row.cells[3])
            guard let parent = row.optional(2) else { throw appellationTable.error(row, "no region") }
            let area = try resolve(parent, country: country, known: known, table: appellationTable, row: row)
            let hint = try row.optional(4).map { try wineType($0, table: appellationTable, row: row) }
            let place = GazetteerPlace(
                level: .appellation, name: name, country: country, region: area.region, subRegion: area.subRegion,
                wineType: hint)
            add(place, row.list(1))
        }
    }

    /// grapes.tsv: canonical name, synonyms, colour (red or white).
    mutating func loadGrapes(_ text: String) throws {
        let table = try GazetteerTable(file: "grapes.tsv", text: text, columns: 3...3)
        for row in table.rows {
            let colour = try wineType(row.cells[2], table: table, row: row)
            guard colour == .red || colour == .white else { throw table.error(row, "colour must be red or white") }
            let index = grapes.count
            grapes.append(GazetteerGrape(name: row.cells[0], colour: colour))
            for name in [row.cells[0]] + row.list(1) {
                grapeIndex.add(name, index)
            }
        }
    }

    /// classifications.tsv: patterns, display name, country. A pattern with a capital letter matches only words
    /// written in capitals.
    mutating func loadClassifications(_ text: String) throws {
        let table = try GazetteerTable(file: "classifications.tsv", text: text, columns: 2...3)
        for row in table.rows {
            let index = classifications.count
            classifications.append(GazetteerClassification(name: row.cells[1], country: row.optional(2), rank: index))
            for pattern in row.list(0) {
                classificationIndex.add(pattern, index, capitalsOnly: pattern.contains { $0.isUppercase })
            }
        }
    }

    /// winetypes.tsv: phrases, wine type.
    mutating func loadWineTypes(_ text: String) throws {
        let table = try GazetteerTable(file: "winetypes.tsv", text: text, columns: 2...2)
        for row in table.rows {
            let type = try wineType(row.cells[1], table: table, row: row)
            for phrase in row.list(0) {
                wineTypeIndex.add(phrase, type)
            }
        }
    }

    private mutating func add(_ place: GazetteerPlace, _ synonyms: [String]) {
        let index = places.count
        places.append(place)
        for name in [place.name] + synonyms {
            placeIndex.add(name, index)
        }
    }

    private struct RegionRow {
        let name: String
        let parent: String?
        let isSubRegion: Bool
    }

    /// The rows of regions.tsv by "country/folded name", checked for known countries, levels and parents.
    private func regionsByName(_ table: GazetteerTable, countries: Set<String>) throws -> [String: RegionRow] {
        var known: [String: RegionRow] = [:]
        for row in table.rows {
            guard countries.contains(row.cells[3]) else { throw table.error(row, "unknown country") }
            guard row.cells[4] == "region" || row.cells[4] == "subregion" else {
                throw table.error(row, "level must be region or subregion")
            }
            let isSubRegion = row.cells[4] == "subregion"
            guard isSubRegion == (row.optional(2) != nil) else {
                throw table.error(row, "a subregion, and only a subregion, has a parent")
            }
            let key = Self.key(row.cells[0], row.cells[3])
            guard known[key] == nil else { throw table.error(row, "duplicate region") }
            known[key] = RegionRow(name: row.cells[0], parent: row.optional(2), isSubRegion: isSubRegion)
        }
        return known
    }

    /// The region or sub-region `name` of `country` as a place, with its region found by walking up its parents.
    private func resolve(
        _ name: String, country: String, known: [String: RegionRow], table: GazetteerTable, row: GazetteerTable.Row
    ) throws -> GazetteerPlace {
        guard let start = known[Self.key(name, country)] else { throw table.error(row, "unknown region \(name)") }
        var top = start
        var steps = 0
        while let parent = top.parent {
            guard let next = known[Self.key(parent, country)], steps < 8 else {
                throw table.error(row, "unknown parent region \(parent)")
            }
            top = next
            steps += 1
        }
        return GazetteerPlace(
            level: start.isSubRegion ? .subRegion : .region, name: start.name, country: country, region: top.name,
            subRegion: start.isSubRegion ? start.name : nil)
    }

    private func wineType(_ text: String, table: GazetteerTable, row: GazetteerTable.Row) throws -> WineType {
        guard let type = WineType(loose: text) else { throw table.error(row, "unknown wine type \(text)") }
        return type
    }

    private static func key(_ name: String, _ country: String) -> String {
        country + "/" + TextFolding.fold(name)
    }
}
