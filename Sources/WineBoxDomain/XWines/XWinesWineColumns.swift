/// The header of an X-Wines wines file, and the decoding of its records into ``XWinesWine`` values.
///
/// The three versions of the data set share these 17 columns: WineID, WineName, Type, Elaborate, Grapes,
/// Harmonize, ABV, Body, Acidity, Code, Country, RegionID, RegionName, WineryID, WineryName, Website, Vintages.
/// Columns may come in any order; extra columns are ignored.
public struct XWinesWineColumns: Sendable {
    /// Every column a wines file must have, in the data set's order.
    public static let required = [
        "WineID", "WineName", "Type", "Elaborate", "Grapes", "Harmonize", "ABV", "Body", "Acidity", "Code",
        "Country", "RegionID", "RegionName", "WineryID", "WineryName", "Website", "Vintages",
    ]

    private let positions: [String: Int]
    private let fieldCount: Int

    /// Reads the header record.
    ///
    /// - Throws: ``WineBoxError`` `.invalidInput` naming the first missing column.
    public init(header: [String]) throws(WineBoxError) {
        positions = try XWinesHeader.positions(
            of: Self.required, in: header, fileKind: "an X-Wines wines file")
        fieldCount = header.count
    }

    /// Decodes one record (without ratings: ``XWinesWine/ratingCount`` is 0).
    ///
    /// - Throws: ``WineBoxError`` `.invalidInput` whose message names the line and the problem, for a record with
    ///   the wrong number of fields, bytes that are not UTF-8, a missing id, name or type, or a cell that does not
    ///   parse.
    public func wine(from record: CSVRecord) throws(WineBoxError) -> XWinesWine {
        let line = record.line
        guard record.fields.count == fieldCount else {
            throw WineBoxError(
                .invalidInput, "Line \(line): \(record.fields.count) fields instead of \(fieldCount)")
        }
        guard record.isValidUTF8 else {
            throw WineBoxError(.invalidInput, "Line \(line): the text is not valid UTF-8")
        }
        func text(_ column: String) -> String? {
            let value = record.fields[positions[column] ?? 0].trimmingSpaces
            return value.isEmpty ? nil : value
        }
        func integer(_ column: String) throws(WineBoxError) -> Int? {
            guard let value = text(column) else { return nil }
            guard let number = Int(value) else {
                throw WineBoxError(.invalidInput, "Line \(line): \(column) is not a whole number")
            }
            return number
        }
        func list(_ column: String) throws(WineBoxError) -> [PythonList.Item] {
            guard let items = PythonList.parse(text(column) ?? "") else {
                throw WineBoxError(.invalidInput, "Line \(line): \(column) is not a list")
            }
            return items
        }

        guard let id = try integer("WineID"), id > 0 else {
            throw WineBoxError(.invalidInput, "Line \(line): WineID is missing")
        }
        guard let name = text("WineName"), name.count <= 500 else {
            throw WineBoxError(.invalidInput, "Line \(line): WineName is missing or too long")
        }
        guard let wineType = text("Type") else {
            throw WineBoxError(.invalidInput, "Line \(line): Type is missing")
        }
        var abv: Double?
        if let value = text("ABV") {
            guard let number = Double(value), (0...100).contains(number) else {
                throw WineBoxError(.invalidInput, "Line \(line): ABV is not a percentage")
            }
            abv = number
        }
        return XWinesWine(
            id: id, name: name, wineType: wineType, elaborate: text("Elaborate"),
            grapes: try list("Grapes").map(\.text), harmonize: try list("Harmonize").map(\.text), abv: abv,
            body: text("Body"), acidity: text("Acidity"), countryCode: text("Code"), country: text("Country"),
            regionID: try integer("RegionID"), regionName: text("RegionName"), wineryID: try integer("WineryID"),
            wineryName: text("WineryName"), website: text("Website"),
            vintages: try list("Vintages").map { item in
                switch item {
                case .integer(let year): return .year(year)
                case .text(let label): return .label(label)
                }
            })
    }
}

extension PythonList.Item {
    /// The item as text (integers written out).
    var text: String {
        switch self {
        case .text(let value): return value
        case .integer(let value): return String(value)
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
