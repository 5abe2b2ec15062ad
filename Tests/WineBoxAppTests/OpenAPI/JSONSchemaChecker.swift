import Foundation
import WineBoxSupport

/// Checks JSON values against the schemas of an OpenAPI 3.1 document: the subset of JSON Schema 2020-12 the
/// WineBox document uses.
///
/// Understood: `$ref` (a JSON pointer into the document, with sibling keywords), `type` (one name or a list, so
/// `["string", "null"]`), `const`, `enum`, `allOf`, `anyOf`, `required`, `properties`, `additionalProperties`,
/// `items`, `minItems`/`maxItems`, `minimum`/`maximum`, `minLength`/`maxLength`, `pattern`, and the formats
/// `date`, `date-time`, `uuid` and `email`. Other keywords are ignored.
///
/// It is stricter than JSON Schema in one way: an object may only have the properties its schema names (through
/// `$ref` and `allOf` too), unless the schema allows additional properties. A field the server answers that the
/// document leaves out is a failure, so the document cannot silently fall behind the encoders.
struct JSONSchemaChecker {
    let document: JSONValue

    /// The schema a `#/…` JSON pointer names, nil when it names nothing.
    func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        var value = document
        for token in reference.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = value[key] else { return nil }
            value = next
        }
        return value
    }

    /// The problems of `value` against `schema`, each with the path of the value (`$.lots[0].id`); empty when
    /// it fits.
    func problems(_ value: JSONValue, against schema: JSONValue, at path: String = "$") -> [String] {
        check(value, schema, path, closed: true)
    }

    private func check(_ value: JSONValue, _ schema: JSONValue, _ path: String, closed: Bool) -> [String] {
        if case .bool(let allowed) = schema {
            return allowed ? [] : ["\(path): no value is allowed here"]
        }
        guard let rules = schema.object else {
            return ["\(path): the schema is not an object"]
        }
        var problems: [String] = []
        if let reference = rules["$ref"]?.string {
            guard let target = resolve(reference) else {
                return ["\(path): \(reference) does not resolve"]
            }
            problems += check(value, target, path, closed: false)
        }
        for part in rules["allOf"]?.array ?? [] {
            problems += check(value, part, path, closed: false)
        }
        if let alternatives = rules["anyOf"]?.array {
            let results = alternatives.map { check(value, $0, path, closed: true) }
            if !results.contains(where: \.isEmpty) {
                problems.append(
                    "\(path): matches no alternative (\(results.map { $0.first ?? "" }.joined(separator: "; ")))")
            }
        }
        if let type = rules["type"] {
            let allowed = Set(type.array?.compactMap(\.string) ?? type.string.map { [$0] } ?? [])
            if allowed.isDisjoint(with: value.typeNames) {
                return problems + ["\(path): expected \(allowed.sorted().joined(separator: " or ")), got \(value)"]
            }
        }
        if let constant = rules["const"], constant != value {
            problems.append("\(path): expected \(constant), got \(value)")
        }
        if let choices = rules["enum"]?.array, !choices.contains(value) {
            problems.append("\(path): \(value) is not one of \(choices.map(\.description).joined(separator: ", "))")
        }
        switch value {
        case .object(let members):
            problems += checkObject(members, rules, path, closed: closed, schema: schema)
        case .array(let items):
            problems += checkArray(items, rules, path)
        case .number(let number):
            if let minimum = rules["minimum"], case .number(let bound) = minimum, number < bound {
                problems.append("\(path): \(value) is below \(minimum)")
            }
            if let maximum = rules["maximum"], case .number(let bound) = maximum, number > bound {
                problems.append("\(path): \(value) is above \(maximum)")
            }
        case .string(let text):
            problems += checkString(text, rules, path)
        case .null, .bool:
            break
        }
        return problems
    }

    private func checkObject(
        _ members: [String: JSONValue], _ rules: [String: JSONValue], _ path: String, closed: Bool, schema: JSONValue
    ) -> [String] {
        var problems: [String] = []
        for case .string(let name) in rules["required"]?.array ?? [] where members[name] == nil {
            problems.append("\(path): the required property \(name) is missing")
        }
        let properties = rules["properties"]?.object ?? [:]
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            if let propertySchema = properties[name] {
                problems += check(member, propertySchema, "\(path).\(name)", closed: true)
            } else if let additional = rules["additionalProperties"] {
                problems += check(member, additional, "\(path).\(name)", closed: true)
            }
        }
        if closed, let documented = documentedProperties(schema) {
            for name in members.keys.sorted() where !documented.contains(name) {
                problems.append("\(path).\(name): the schema does not document this property")
            }
        }
        return problems
    }

    private func checkArray(_ items: [JSONValue], _ rules: [String: JSONValue], _ path: String) -> [String] {
        var problems: [String] = []
        if case .number(let minimum) = rules["minItems"], Double(items.count) < minimum {
            problems.append("\(path): fewer than \(Int(minimum)) items")
        }
        if case .number(let maximum) = rules["maxItems"], Double(items.count) > maximum {
            problems.append("\(path): more than \(Int(maximum)) items")
        }
        if let itemSchema = rules["items"] {
            for (index, item) in items.enumerated() {
                problems += check(item, itemSchema, "\(path)[\(index)]", closed: true)
            }
        }
        return problems
    }

    private func checkString(_ text: String, _ rules: [String: JSONValue], _ path: String) -> [String] {
        var problems: [String] = []
        let length = text.unicodeScalars.count
        if case .number(let minimum) = rules["minLength"], Double(length) < minimum {
            problems.append("\(path): shorter than \(Int(minimum)) characters")
        }
        if case .number(let maximum) = rules["maxLength"], Double(length) > maximum {
            problems.append("\(path): longer than \(Int(maximum)) characters")
        }
        if let pattern = rules["pattern"]?.string {
            if let regex = try? Regex(pattern) {
                if text.firstMatch(of: regex) == nil {
                    problems.append("\(path): \"\(text)\" does not match \(pattern)")
                }
            } else {
                problems.append("\(path): the pattern \(pattern) is not a regular expression")
            }
        }
        if let format = rules["format"]?.string, let shape = Self.formats[format], text.wholeMatch(of: shape) == nil {
            problems.append("\(path): \"\(text)\" is not a \(format)")
        }
        return problems
    }

    nonisolated(unsafe) private static let formats: [String: Regex<Substring>] = [
        "date": /\d{4}-\d{2}-\d{2}/,
        "date-time": /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/,
        "uuid": /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/,
        "email": /[^@\s]+@[^@\s]+/,
    ]

    /// The property names a schema documents, through `$ref` and `allOf`; nil when it names none or allows
    /// additional properties.
    private func documentedProperties(_ schema: JSONValue) -> Set<String>? {
        var names: Set<String> = []
        var describesProperties = false
        var pending = [schema]
        var visited: Set<String> = []
        while let next = pending.popLast() {
            guard let rules = next.object else { continue }
            if let additional = rules["additionalProperties"], additional != .bool(false) {
                return nil
            }
            if let properties = rules["properties"]?.object {
                describesProperties = true
                names.formUnion(properties.keys)
            }
            if rules["additionalProperties"] == .bool(false) {
                describesProperties = true
            }
            if let reference = rules["$ref"]?.string, visited.insert(reference).inserted,
                let target = resolve(reference)
            {
                pending.append(target)
            }
            pending += rules["allOf"]?.array ?? []
        }
        return describesProperties ? names : nil
    }
}
