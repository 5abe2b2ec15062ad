/// An index of phrases (the names of a gazetteer) found word by word in a ``LabelDocument``.
///
/// Phrases are folded and cut into words the way label text is, so a match is always a run of whole words on one
/// line, accent- and case-insensitive. Where phrases overlap, the longest one starting first wins ("Cabernet
/// Sauvignon" rather than "Sauvignon"). Lookup costs one dictionary access per word of the text.
struct PhraseMatcher<Payload: Sendable>: Sendable {
    /// A run of words and what the phrase found there stands for (more than one when several share the name).
    struct Match {
        let range: Range<Int>
        let payloads: [Payload]
    }

    private struct Entry: Sendable {
        let words: [String]
        /// For phrases written in capitals: the words as written; the label must write them in capitals too.
        let capitals: [String]?
        let payload: Payload
    }

    /// Entries by their first folded word, longest first.
    private var entries: [String: [Entry]] = [:]

    /// Adds `phrase`. With `capitalsOnly`, a word of the label matches only when written in capitals, so the
    /// abbreviation "DO" is found but the Portuguese "do" is not. Phrases without a word are ignored.
    mutating func add(_ phrase: String, _ payload: Payload, capitalsOnly: Bool = false) {
        let document = LabelDocument(phrase)
        let words = document.tokens.map(\.folded)
        guard let first = words.first else { return }
        let entry = Entry(
            words: words, capitals: capitalsOnly ? document.tokens.map(\.original) : nil, payload: payload)
        var bucket = entries[first, default: []]
        let position = bucket.firstIndex { $0.words.count < words.count } ?? bucket.endIndex
        bucket.insert(entry, at: position)
        entries[first] = bucket
    }

    /// The matches in `document`, left to right, never overlapping. Words for which `skip` answers true are never
    /// part of a match.
    func matches(in document: LabelDocument, skip: (Int) -> Bool = { _ in false }) -> [Match] {
        var found: [Match] = []
        var index = 0
        while index < document.tokens.count {
            guard !skip(index), let bucket = entries[document.tokens[index].folded] else {
                index += 1
                continue
            }
            var length = 0
            var payloads: [Payload] = []
            for entry in bucket {
                if entry.words.count < length { break }
                guard fits(entry, at: index, in: document, skip: skip) else { continue }
                length = entry.words.count
                payloads.append(entry.payload)
            }
            if length > 0 {
                found.append(Match(range: index..<(index + length), payloads: payloads))
                index += length
            } else {
                index += 1
            }
        }
        return found
    }

    /// The payloads of the phrases that are exactly `text` (folded), or an empty list.
    func lookup(_ text: String) -> [Payload] {
        let document = LabelDocument(text)
        let matches = matches(in: document)
        guard matches.count == 1, let match = matches.first, match.range == 0..<document.tokens.count else {
            return []
        }
        return match.payloads
    }

    private func fits(_ entry: Entry, at start: Int, in document: LabelDocument, skip: (Int) -> Bool) -> Bool {
        let tokens = document.tokens
        guard start + entry.words.count <= tokens.count else { return false }
        for (offset, word) in entry.words.enumerated() {
            let index = start + offset
            let token = tokens[index]
            guard token.line == tokens[start].line, token.folded == word, offset == 0 || !skip(index) else {
                return false
            }
            if let capitals = entry.capitals, token.original != capitals[offset],
                token.original != token.original.uppercased()
            {
                return false
            }
        }
        return true
    }
}
