extension WineBoxMigrations {
    /// Version 4: the X-Wines reference data set (read-only for members; loaded by `winebox xwines import`).
    ///
    /// - `xwines_wine`: one row per reference wine, keyed by the data set's WineID. `grapes`, `harmonize` and
    ///   `vintages` are JSON arrays (the CSV's Python lists, parsed). `avg_rating` (1 to 5, 2 decimal places) and
    ///   `rating_count` come from the ratings file when one was imported.
    /// - `xwines_metadata`: a single row describing the last import (version test, slim or full; file names; time
    ///   in ISO 8601 UTC; counts); absent until the first import.
    /// - `xwines_search`: an FTS5 index (accent folding; prefix indexes for 1 to 7 characters; rowids only,
    ///   `detail=none`) whose rowid is the wine's popularity rank (1 = most ratings, then best average, name, id), so
    ///   matches come out in popularity order and a page stops early. Besides the words of name, winery and region,
    ///   `name_start` holds the whole name as one token and `facets` one token per filter value (type, country code,
    ///   country name), each marked with a private-use character so that search words never match them (see
    ///   `XWinesSearchKeys`); `wine_id` maps back to the wine. Every import can change the ranks, so the importer
    ///   rebuilds the index in a staging table and swaps it in.
    static let createXWines = Migration(
        version: 4, name: "create_xwines",
        sql: """
            CREATE TABLE xwines_wine (
                id INTEGER PRIMARY KEY CHECK (id > 0),
                name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
                wine_type TEXT NOT NULL,
                elaborate TEXT,
                grapes TEXT NOT NULL DEFAULT '[]',
                harmonize TEXT NOT NULL DEFAULT '[]',
                abv REAL CHECK (abv IS NULL OR abv BETWEEN 0 AND 100),
                body TEXT,
                acidity TEXT,
                country_code TEXT,
                country TEXT,
                region_id INTEGER,
                region_name TEXT,
                winery_id INTEGER,
                winery_name TEXT,
                website TEXT,
                vintages TEXT NOT NULL DEFAULT '[]',
                avg_rating REAL CHECK (avg_rating IS NULL OR avg_rating BETWEEN 1 AND 5),
                rating_count INTEGER NOT NULL DEFAULT 0 CHECK (rating_count >= 0)
            ) STRICT;
            CREATE INDEX xwines_wine_type ON xwines_wine (wine_type);
            CREATE INDEX xwines_wine_country ON xwines_wine (country_code, country);
            CREATE INDEX xwines_wine_popularity ON xwines_wine (rating_count DESC, avg_rating DESC, name, id);

            CREATE TABLE xwines_metadata (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                version TEXT NOT NULL CHECK (version IN ('test', 'slim', 'full')),
                source TEXT NOT NULL,
                ratings_source TEXT,
                import_date TEXT NOT NULL,
                wine_count INTEGER NOT NULL CHECK (wine_count >= 0),
                rating_count INTEGER NOT NULL CHECK (rating_count >= 0)
            ) STRICT;

            CREATE VIRTUAL TABLE xwines_search USING fts5(
                name, winery_name, region_name, name_start, facets, wine_id UNINDEXED,
                tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7', detail = none,
                columnsize = 0
            );
            """)
}

extension WineBoxMigrations {
    /// Version 5: how common each word of the X-Wines reference is, for label matching
    /// (`XWinesStore.candidates(forWords:limit:in:)` weighs rare words above common ones).
    ///
    /// - `xwines_search_vocabulary`: an `fts5vocab` view of `xwines_search`, one row per indexed word (`term`) with
    ///   the number of wines that contain it (`doc`). It stores nothing and reads the index named `xwines_search`
    ///   when queried, so it follows the index each import swaps in; but each count walks the word's list of wines.
    /// - `xwines_word`: the same counts stored (`wines` per folded `word`) for quick lookups, the index's private
    ///   tokens (whole names, facets) left out. Filled here from the current index and refilled at the end of every
    ///   search index rebuild (`XWinesStore.finishSearchIndexRebuild(in:)`).
    static let createXWinesWords = Migration(
        version: 5, name: "create_xwines_word",
        sql: """
            CREATE VIRTUAL TABLE xwines_search_vocabulary USING fts5vocab(xwines_search, row);
            CREATE TABLE xwines_word (
                word TEXT PRIMARY KEY,
                wines INTEGER NOT NULL CHECK (wines > 0)
            ) STRICT, WITHOUT ROWID;
            INSERT INTO xwines_word (word, wines)
            SELECT term, doc FROM xwines_search_vocabulary WHERE unicode(term) NOT BETWEEN 57344 AND 63743;
            """)
}
