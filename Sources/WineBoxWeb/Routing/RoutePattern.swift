/// A parsed route pattern such as `/api/wines/{id}/checkout`.
struct RoutePattern: Sendable, Equatable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    let segments: [Segment]
    let description: String

    /// Parses `pattern`; a malformed pattern is a programmer error and traps at start-up.
    init(_ pattern: String) {
        precondition(pattern.hasPrefix("/"), "Route patterns start with '/': \(pattern)")
        description = pattern
        segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map { part in
            if part.hasPrefix("{") && part.hasSuffix("}") {
                let name = String(part.dropFirst().dropLast())
                precondition(!name.isEmpty, "Empty parameter name in route \(pattern)")
                return .parameter(name)
            }
            precondition(!part.contains("{") && !part.contains("}"), "Malformed segment in route \(pattern)")
            return .literal(String(part))
        }
    }

    /// Matches `pathSegments`, returning the parameters, or nil when the path does not fit.
    func match(_ pathSegments: [Substring]) -> Parameters? {
        guard pathSegments.count == segments.count else {
            return nil
        }
        // Literals first: most routes tried fail there, before any parameter is copied.
        for case (.literal(let literal), let part) in zip(segments, pathSegments) where literal != part {
            return nil
        }
        var parameters = Parameters()
        for (segment, part) in zip(segments, pathSegments) {
            switch segment {
            case .literal:
                continue
            case .parameter(let name):
                parameters.set(name, String(part))
            }
        }
        return parameters
    }

    /// Whether this pattern should be tried before `other`: literal segments win over parameters, position by
    /// position, so `/api/wines/scan` is tried before `/api/wines/{id}`.
    func isMoreSpecific(than other: RoutePattern) -> Bool {
        for (mine, theirs) in zip(segments, other.segments) {
            switch (mine, theirs) {
            case (.literal, .parameter): return true
            case (.parameter, .literal): return false
            default: continue
            }
        }
        return false
    }
}
