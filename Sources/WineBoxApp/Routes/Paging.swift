import WineBoxDomain
import WineBoxHTTP

/// Reads integer query parameters such as `skip` and `limit`.
enum Paging {
    /// The query parameter `name` as an integer in `range`, or `defaultValue` when absent.
    ///
    /// - Throws: ``WineBoxError`` `.invalidInput` naming the parameter when it is not a whole number in range or
    ///   is given more than once.
    static func integer(
        _ request: HTTPRequest, _ name: String, default defaultValue: Int, range: ClosedRange<Int>
    ) throws -> Int {
        let values = request.query.filter { $0.name == name }
        guard let text = values.first?.value else {
            return defaultValue
        }
        guard values.count == 1, let value = Int(text), range.contains(value) else {
            throw WineBoxError(
                .invalidInput, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}
