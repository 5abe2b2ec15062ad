internal import Foundation
public import WineBoxDomain

extension XWinesStore {
    /// The reference wines worth scoring for a label, and how common their words are in the whole reference.
    public struct MatchCandidates: Sendable {
        /// The candidates, most likely first (by the weight of the label words they contain, then popularity).
        public let wines: [XWinesWine]
        /// The document frequencies of every word of the candidates' names, wineries and regions, for
        /// ``XWinesMatcher``.
        public let statistics: XWinesWordStatistics
    }

    /// The most label words looked up, the most search terms used, and the share of the wines above which a term
    /// is too common to help (but never under ``commonTermFloor`` wines).
    static let candidateWordLimit = 300
    static let candidateTermLimit = 40
    static let commonTermShare = 0.05
    static let commonTermFloor = 50

    /// Finds up to `limit` reference wines that share words with a label, however noisy its OCR text.
    ///
    /// `words` are the label's words in reading order (any case and accents; they are folded with
    /// ``XWinesMatchWords``; pieces OCR split, such as `campol`, `a`, `rgo`, are joined back as extra words). Each
    /// folded word of three or more characters that the reference knows is a search term; a word of five or more
    /// characters that it does not know (a misread end, `origee`) searches for its first four characters as a
    /// prefix instead, or its first three when no word starts with those four. Terms weigh their rarity
    /// (ln((N + 1) ÷ (n + 0.5)) for a term in n of N wines; four-letter prefixes 0.8 times that, three-letter ones
    /// 0.6); terms found in more than 5 % of the wines (at least 50) are dropped as too common, and only the 40
    /// rarest are kept. Wines are ranked by the summed weight of the terms they contain, then popularity.
    ///
    /// Cost: one lookup of the words in the `xwines_word` table, one range read per prefix, one statement that
    /// reads the rowids matching the kept terms (bounded by 40 × the common-term limit) and sums them inside
    /// SQLite, then `limit` wines and the counts of their words. For 100,646 wines and the sample photos' text,
    /// a median of about 20 ms in a debug build, a third of it decoding the wines.
    ///
    /// - Parameter limit: how many candidates at most (1...1,000; the default 100 is plenty for scoring).
    public static func candidates(
        forWords words: [String], limit: Int = 100, in connection: Connection
    ) throws -> MatchCandidates {
        let wineCount = try wineCount(in: connection)
        let limit = min(max(limit, 1), 1_000)
        let searchWords = XWinesMatchWords.labelWords(words.joined(separator: " ")).filter {
            $0.unicodeScalars.count >= 3 && XWinesMatchWords.isSignificant($0)
        }.prefix(candidateWordLimit)
        guard wineCount > 0, !searchWords.isEmpty else {
            return MatchCandidates(
                wines: [], statistics: XWinesWordStatistics(wineCount: wineCount, documentFrequencies: [:]))
        }
        let frequencies = try documentFrequencies(of: Array(searchWords), in: connection)
        let total = Double(wineCount) + 1
        let commonLimit = max(Double(commonTermFloor), commonTermShare * Double(wineCount))
        var terms: [(query: String, weight: Double)] = []
        var prefixes: Set<String> = []
        for word in searchWords {
            if let frequency = frequencies[word] {
                if Double(frequency) <= commonLimit {
                    terms.append((XWinesSearchKeys.literal(word), log(total / (Double(frequency) + 0.5))))
                }
                continue
            }
            let scalars = word.unicodeScalars
            guard scalars.count >= 5, scalars.allSatisfy({ $0.properties.isAlphabetic }) else { continue }
            // The first four letters, or else the first three, at a lower weight: the shorter, the less it says.
            for (length, factor) in [(4, 0.8), (3, 0.6)] {
                let prefix = String(String.UnicodeScalarView(scalars.prefix(length)))
                guard prefixes.insert(prefix).inserted else { break }
                let frequency = try prefixFrequency(prefix, in: connection)
                if frequency > 0 {
                    if Double(frequency) <= commonLimit {
                        terms.append(
                            (XWinesSearchKeys.literal(prefix) + "*", factor * log(total / (Double(frequency) + 0.5))))
                    }
                    break
                }
            }
        }
        terms = Array(terms.sorted { $0.weight > $1.weight }.prefix(candidateTermLimit))
        let wines = try rankedWines(terms, limit: limit, in: connection)
        var referenceWords: Set<String> = []
        for wine in wines {
            for text in [wine.name, wine.wineryName ?? "", wine.regionName ?? ""] {
                referenceWords.formUnion(XWinesMatchWords.folded(text))
            }
        }
        return MatchCandidates(
            wines: wines,
            statistics: XWinesWordStatistics(
                wineCount: wineCount,
                documentFrequencies: try documentFrequencies(of: Array(referenceWords), in: connection)))
    }

    /// In how many reference wines each of `words` (folded) occurs, in name, winery or region; words in none are
    /// left out.
    static func documentFrequencies(of words: [String], in connection: Connection) throws -> [String: Int] {
        guard !words.isEmpty else { return [:] }
        var frequencies: [String: Int] = [:]
        for row in try connection.query(
            """
            SELECT word, wines FROM xwines_word WHERE word IN (SELECT value FROM json_each(?))
            """, [.text(XWinesJSON.array(words))])
        {
            frequencies[try row.string(at: 0)] = try row.int(at: 1)
        }
        return frequencies
    }

    /// About how many wines have a word starting with `prefix`: the sum over such words (a wine with two of them
    /// counts twice).
    private static func prefixFrequency(_ prefix: String, in connection: Connection) throws -> Int {
        try integerResult(
            connection.scalar(
                """
                SELECT coalesce(sum(wines), 0) FROM xwines_word WHERE word >= ?1 AND word < ?1 || char(1114111)
                """, [.text(prefix)]))
    }

    /// The wines that contain the most weight of `terms`, heaviest first, then by popularity rank.
    private static func rankedWines(
        _ terms: [(query: String, weight: Double)], limit: Int, in connection: Connection
    ) throws -> [XWinesWine] {
        guard !terms.isEmpty else { return [] }
        let termsJSON = "[" + terms.map { "[\(XWinesJSON.quoted($0.query)),\($0.weight)]" }.joined(separator: ",") + "]"
        let ids = try connection.query(
            """
            SELECT xwines_search.wine_id FROM (
                SELECT xwines_search.rowid AS rank, sum(term.value ->> 1) AS weight FROM json_each(?1) AS term
                JOIN xwines_search ON xwines_search MATCH term.value ->> 0
                GROUP BY xwines_search.rowid ORDER BY weight DESC, rank LIMIT ?2
            ) AS best JOIN xwines_search ON xwines_search.rowid = best.rank
            ORDER BY best.weight DESC, best.rank
            """, [.text(termsJSON), SQLValue(limit)]
        ).map { try $0.int(at: 0) }
        var byID: [Int: XWinesWine] = [:]
        for row in try connection.query(
            "SELECT \(columns) FROM xwines_wine WHERE id IN (SELECT value FROM json_each(?))",
            [.text("[" + ids.map(String.init).joined(separator: ",") + "]")])
        {
            let wine = try wine(from: row)
            byID[wine.id] = wine
        }
        return ids.compactMap { byID[$0] }
    }
}
