import Foundation

/// The rows of one tab-separated gazetteer file.
///
/// Lines starting with "#" and blank lines are skipped; missing trailing columns read as empty texts; cells are
/// trimmed. A row with too few or too many columns, or an empty first column, is an error naming the file and line.
struct GazetteerTable {
    struct Row {
        let line: Int
        let cells: [String]

        /// The cell at `column`, or nil when it is empty.
        func optional(_ column: Int) -> String? {
            column < cells.count && !cells[column].isEmpty ? cells[column] : nil
        }

        /// The "|"-separated entries of the cell at `column`.
        func list(_ column: Int) -> [String] {
            guard let cell = optional(column) else { return [] }
            return cell.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    let file: String
    let rows: [Row]

    /// - Throws: ``WineBoxError`` `.invalidInput` for a malformed row.
    init(file: String, text: String, columns: ClosedRange<Int>) throws {
        self.file = file
        var rows: [Row] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard columns.contains(cells.count), !cells[0].isEmpty else {
                throw WineBoxError(
                    .invalidInput, "\(file) line \(offset + 1): expected \(columns) columns and a name")
            }
            rows.append(Row(line: offset + 1, cells: cells))
        }
        self.rows = rows
    }

    /// An error about `row`, naming the file and line.
    func error(_ row: Row, _ message: String) -> WineBoxError {
        WineBoxError(.invalidInput, "\(file) line \(row.line): \(message)")
    }
}
