import CTOMLShim

/// Parses TOML 1.0 documents with toml++ through the `CTOMLShim` C API.
///
/// This file is the only place in the module that handles unsafe pointers. The shim parses the whole
/// document, then streams it as events to a C callback; ``TOMLTreeBuilder`` turns the events into a
/// pure Swift ``TOMLValue`` tree before ``parse(_:sourceName:)`` returns, so no pointer escapes.
enum TOMLParser {
    /// Parses a document given as UTF-8 text.
    ///
    /// - Parameter sourceName: Shown by toml++ in its own diagnostics; may be empty.
    /// - Returns: The root table.
    /// - Throws: ``TOMLParseError`` with toml++'s message and the 1-based line and column.
    static func parse(_ text: String, sourceName: String = "") throws(TOMLParseError) -> [String: TOMLValue] {
        try parse(bytes: Array(text.utf8), sourceName: sourceName)
    }

    /// Parses a document given as raw bytes; invalid UTF-8 is reported as a parse error.
    ///
    /// - Parameter sourceName: Shown by toml++ in its own diagnostics; may be empty.
    /// - Returns: The root table.
    /// - Throws: ``TOMLParseError`` with toml++'s message and the 1-based line and column.
    static func parse(bytes: [UInt8], sourceName: String = "") throws(TOMLParseError) -> [String: TOMLValue] {
        let builder = TOMLTreeBuilder()
        var failure = winebox_toml_error()
        let handler: winebox_toml_handler = { event, context in
            guard let event, let context else { return }
            // The builder is kept alive by `withExtendedLifetime` for the whole walk.
            Unmanaged<TOMLTreeBuilder>.fromOpaque(context).takeUnretainedValue().receive(event.pointee)
        }
        let status = withExtendedLifetime(builder) {
            bytes.withUnsafeBufferPointer { buffer in
                sourceName.withCString { name in
                    winebox_toml_walk(
                        UnsafeRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self),
                        buffer.count,
                        name,
                        handler,
                        Unmanaged.passUnretained(builder).toOpaque(),
                        &failure
                    )
                }
            }
        }
        guard status == 0, let root = builder.root else {
            let message = withUnsafeBytes(of: failure.message) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            throw TOMLParseError(
                message: message.isEmpty ? "the TOML parser failed" : message,
                line: Int(failure.line),
                column: Int(failure.column)
            )
        }
        return root
    }
}

/// Rebuilds the value tree from the shim's depth-first events. Used only during one walk, on one thread.
private final class TOMLTreeBuilder {
    private enum Frame {
        case table(key: String?, entries: [String: TOMLValue])
        case array(key: String?, elements: [TOMLValue])
    }

    private var stack: [Frame] = []
    /// The root table, set when the walk's final END_TABLE arrives.
    private(set) var root: [String: TOMLValue]?

    func receive(_ event: winebox_toml_event) {
        let key = Self.string(event.key, event.key_length)
        switch event.kind {
        case WINEBOX_TOML_BEGIN_TABLE:
            stack.append(.table(key: key, entries: [:]))
        case WINEBOX_TOML_BEGIN_ARRAY:
            stack.append(.array(key: key, elements: []))
        case WINEBOX_TOML_END_TABLE, WINEBOX_TOML_END_ARRAY:
            switch stack.popLast() {
            case .table(let ownKey, let entries):
                attach(.table(entries), key: ownKey)
            case .array(let ownKey, let elements):
                attach(.array(elements), key: ownKey)
            case nil:
                break
            }
        case WINEBOX_TOML_STRING:
            attach(.string(Self.string(event.text, event.text_length) ?? ""), key: key)
        case WINEBOX_TOML_INTEGER:
            attach(.integer(event.integer), key: key)
        case WINEBOX_TOML_FLOAT:
            attach(.float(event.floating), key: key)
        case WINEBOX_TOML_BOOLEAN:
            attach(.boolean(event.boolean), key: key)
        case WINEBOX_TOML_DATE_TIME:
            attach(.dateTime(Self.string(event.text, event.text_length) ?? ""), key: key)
        default:
            break
        }
    }

    private func attach(_ value: TOMLValue, key: String?) {
        switch stack.popLast() {
        case .table(let ownKey, var entries):
            entries[key ?? ""] = value
            stack.append(.table(key: ownKey, entries: entries))
        case .array(let ownKey, var elements):
            elements.append(value)
            stack.append(.array(key: ownKey, elements: elements))
        case nil:
            if case .table(let entries) = value {
                root = entries
            }
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?, _ length: Int) -> String? {
        guard let pointer else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
    }
}
