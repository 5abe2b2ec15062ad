import WineBoxHTTP

/// The path parameters of a matched route.
public struct Parameters: Sendable, Equatable {
    private var values: [String: String] = [:]

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// The parameter called `name`, or nil.
    public func get(_ name: String) -> String? {
        values[name]
    }

    /// The parameter called `name`.
    ///
    /// - Throws: ``HTTPError`` 400 when it is missing (a route/handler mismatch).
    public func require(_ name: String) throws -> String {
        guard let value = values[name] else {
            throw HTTPError(.badRequest, "Missing path parameter '\(name)'")
        }
        return value
    }

    /// The parameter called `name` converted to `T` (`Int`, `UUID`…).
    ///
    /// - Throws: ``HTTPError`` 400 naming the parameter when it is missing or not a valid `T`.
    public func require<T: LosslessStringConvertible>(_ name: String, as type: T.Type) throws -> T {
        guard let value = T(try require(name)) else {
            throw HTTPError(.badRequest, "Path parameter '\(name)' is not a valid \(T.self)")
        }
        return value
    }

    mutating func set(_ name: String, _ value: String) {
        values[name] = value
    }
}
