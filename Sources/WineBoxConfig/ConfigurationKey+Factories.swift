extension ConfigurationKey {
    /// A string key; `check` returns why a string is refused (text after "must"), or `nil` to accept it.
    static func string(
        _ section: String?,
        _ name: String,
        _ keyPath: any WritableKeyPath<AppConfiguration, String> & Sendable,
        constraint: String = "",
        check: @escaping @Sendable (String) -> String? = { _ in nil }
    ) -> ConfigurationKey {
        ConfigurationKey(
            section: section,
            name: name,
            valueType: .string,
            constraint: constraint,
            assign: { configuration, value in
                guard case .string(let text) = value else { return wrongType(.string, got: value) }
                if let problem = check(text) { return invalid("\(problem), got \(TOMLValue.quoted(text))") }
                configuration[keyPath: keyPath] = text
                return nil
            },
            read: { .string($0[keyPath: keyPath]) }
        )
    }

    /// An integer key limited to `range` (inclusive).
    static func integer(
        _ section: String?,
        _ name: String,
        _ keyPath: any WritableKeyPath<AppConfiguration, Int> & Sendable,
        range: ClosedRange<Int>
    ) -> ConfigurationKey {
        ConfigurationKey(
            section: section,
            name: name,
            valueType: .integer,
            constraint: "\(range.lowerBound)-\(range.upperBound)",
            assign: { configuration, value in
                guard case .integer(let number) = value else { return wrongType(.integer, got: value) }
                guard number >= Int64(range.lowerBound), number <= Int64(range.upperBound) else {
                    return invalid("must be between \(range.lowerBound) and \(range.upperBound), got \(number)")
                }
                configuration[keyPath: keyPath] = Int(number)
                return nil
            },
            read: { .integer(Int64($0[keyPath: keyPath])) }
        )
    }

    /// A boolean key.
    static func boolean(
        _ section: String?,
        _ name: String,
        _ keyPath: any WritableKeyPath<AppConfiguration, Bool> & Sendable
    ) -> ConfigurationKey {
        ConfigurationKey(
            section: section,
            name: name,
            valueType: .boolean,
            constraint: "true|false",
            assign: { configuration, value in
                guard case .boolean(let flag) = value else { return wrongType(.boolean, got: value) }
                configuration[keyPath: keyPath] = flag
                return nil
            },
            read: { .boolean($0[keyPath: keyPath]) }
        )
    }

    /// A string key whose value must be one of an enumeration's raw values, compared in any letter case.
    static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ section: String?,
        _ name: String,
        _ keyPath: any WritableKeyPath<AppConfiguration, Choice> & Sendable
    ) -> ConfigurationKey where Choice.RawValue == String {
        let names = Choice.allCases.map(\.rawValue)
        return ConfigurationKey(
            section: section,
            name: name,
            valueType: .string,
            constraint: names.joined(separator: "|"),
            assign: { configuration, value in
                guard case .string(let text) = value else { return wrongType(.string, got: value) }
                guard let choice = Choice(rawValue: text.lowercased()) else {
                    let list = names.joined(separator: ", ")
                    return invalid("must be one of \(list), got \(TOMLValue.quoted(text))")
                }
                configuration[keyPath: keyPath] = choice
                return nil
            },
            read: { .string($0[keyPath: keyPath].rawValue) }
        )
    }

    /// A list-of-strings key; `check` returns why an element is refused, or `nil` to accept it.
    static func stringList(
        _ section: String?,
        _ name: String,
        _ keyPath: any WritableKeyPath<AppConfiguration, [String]> & Sendable,
        check: @escaping @Sendable (String) -> String? = { _ in nil }
    ) -> ConfigurationKey {
        ConfigurationKey(
            section: section,
            name: name,
            valueType: .stringList,
            assign: { configuration, value in
                guard case .array(let elements) = value else { return wrongType(.stringList, got: value) }
                var strings: [String] = []
                for element in elements {
                    guard case .string(let text) = element else { return wrongType(.stringList, got: element) }
                    if let problem = check(text) { return invalid("\(problem), got \(TOMLValue.quoted(text))") }
                    strings.append(text)
                }
                configuration[keyPath: keyPath] = strings
                return nil
            },
            read: { .array($0[keyPath: keyPath].map(TOMLValue.string)) }
        )
    }
}
