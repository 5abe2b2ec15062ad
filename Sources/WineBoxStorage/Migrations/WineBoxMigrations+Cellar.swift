extension WineBoxMigrations {
    /// Version 3: the household's cellar.
    ///
    /// - `wine`: one row per wine (a producer's wine of one vintage). `seq` is a stable integer key used as the
    ///   full-text index's rowid; `id` (a lowercase UUID) is the public identifier. `bottles` is the stock, kept
    ///   equal to the sum of the wine's lots by triggers and never negative (CHECK).
    /// - `wine_lot`: bottles bought together (a case or loose bottles) with purchase details and where they are kept.
    ///   `quantity` is what remains; `initial_quantity` what came in.
    /// - `wine_event`: the history. `CHECK_IN`, `CHECK_OUT` (with a reason) and `MOVE` (between locations). Events
    ///   outlive their lot (`lot_id` becomes NULL) and the member who made them (`user_id` becomes NULL).
    /// - `wine_score`: critic and community scores; `scale` is 100, 20 or 5 and the normalised score is computed.
    /// - `wine_blend`: the grapes of a blend, in order, with optional percentages.
    /// - `wine_search`: an FTS5 index (accent folding, prefix indexes for 2 and 3 characters) over the wine's names,
    ///   places, grapes (including the blend), classification, label text and notes, maintained by triggers.
    ///
    /// Dates of events are ISO 8601 UTC timestamps; purchase dates are `YYYY-MM-DD`.
    static let createCellar = Migration(
        version: 3, name: "create_cellar",
        sql: """
            CREATE TABLE wine (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
                winery TEXT,
                vintage INTEGER CHECK (vintage IS NULL OR vintage BETWEEN 1700 AND 2200),
                wine_type TEXT CHECK (wine_type IS NULL OR wine_type IN
                    ('red', 'white', 'rosé', 'sparkling', 'dessert', 'fortified', 'other')),
                grape_variety TEXT,
                country TEXT,
                region TEXT,
                sub_region TEXT,
                appellation TEXT,
                classification TEXT,
                alcohol_percentage REAL CHECK (alcohol_percentage IS NULL OR alcohol_percentage BETWEEN 0 AND 100),
                bottle_size_ml INTEGER NOT NULL DEFAULT 750 CHECK (bottle_size_ml BETWEEN 1 AND 30000),
                drink_from INTEGER CHECK (drink_from IS NULL OR drink_from BETWEEN 1700 AND 2300),
                drink_until INTEGER CHECK (drink_until IS NULL OR drink_until BETWEEN 1700 AND 2300),
                notes TEXT NOT NULL DEFAULT '',
                front_label_image TEXT,
                back_label_image TEXT,
                front_label_text TEXT NOT NULL DEFAULT '',
                back_label_text TEXT NOT NULL DEFAULT '',
                xwines_id INTEGER,
                enriched_fields TEXT NOT NULL DEFAULT '[]',
                bottles INTEGER NOT NULL DEFAULT 0 CHECK (bottles >= 0),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            ) STRICT;
            CREATE INDEX wine_created ON wine (created_at DESC, seq DESC);
            CREATE INDEX wine_name ON wine (name COLLATE NOCASE, seq);
            CREATE INDEX wine_winery ON wine (winery COLLATE NOCASE);
            CREATE INDEX wine_vintage ON wine (vintage);
            CREATE INDEX wine_type ON wine (wine_type);
            CREATE INDEX wine_country ON wine (country COLLATE NOCASE);
            CREATE INDEX wine_region ON wine (region COLLATE NOCASE);
            CREATE INDEX wine_grape ON wine (grape_variety COLLATE NOCASE);
            CREATE INDEX wine_bottles ON wine (bottles);
            CREATE INDEX wine_xwines ON wine (xwines_id) WHERE xwines_id IS NOT NULL;
            CREATE INDEX wine_front_image ON wine (front_label_image) WHERE front_label_image IS NOT NULL;
            CREATE INDEX wine_back_image ON wine (back_label_image) WHERE back_label_image IS NOT NULL;

            CREATE TABLE wine_lot (
                id TEXT PRIMARY KEY,
                wine_id TEXT NOT NULL REFERENCES wine (id) ON DELETE CASCADE,
                quantity INTEGER NOT NULL CHECK (quantity >= 0),
                initial_quantity INTEGER NOT NULL CHECK (initial_quantity >= 1),
                case_size INTEGER CHECK (case_size IS NULL OR case_size BETWEEN 1 AND 100),
                purchase_date TEXT,
                price_per_bottle REAL CHECK (price_per_bottle IS NULL OR price_per_bottle >= 0),
                currency TEXT,
                source TEXT,
                location TEXT,
                bin TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            ) STRICT;
            CREATE INDEX wine_lot_wine ON wine_lot (wine_id, purchase_date, created_at, id);
            CREATE INDEX wine_lot_location ON wine_lot (location, bin);

            CREATE TRIGGER wine_lot_added AFTER INSERT ON wine_lot BEGIN
                UPDATE wine SET bottles = bottles + new.quantity WHERE id = new.wine_id;
            END;
            CREATE TRIGGER wine_lot_changed AFTER UPDATE OF quantity, wine_id ON wine_lot BEGIN
                UPDATE wine SET bottles = bottles - old.quantity WHERE id = old.wine_id;
                UPDATE wine SET bottles = bottles + new.quantity WHERE id = new.wine_id;
            END;
            CREATE TRIGGER wine_lot_removed AFTER DELETE ON wine_lot BEGIN
                UPDATE wine SET bottles = bottles - old.quantity WHERE id = old.wine_id;
            END;

            CREATE TABLE wine_event (
                id TEXT PRIMARY KEY,
                wine_id TEXT NOT NULL REFERENCES wine (id) ON DELETE CASCADE,
                lot_id TEXT REFERENCES wine_lot (id) ON DELETE SET NULL,
                event_type TEXT NOT NULL CHECK (event_type IN ('CHECK_IN', 'CHECK_OUT', 'MOVE')),
                quantity INTEGER NOT NULL CHECK (quantity >= 1),
                event_date TEXT NOT NULL,
                user_id TEXT REFERENCES user (id) ON DELETE SET NULL,
                notes TEXT NOT NULL DEFAULT '',
                reason TEXT CHECK (reason IS NULL OR reason IN ('drank', 'sold', 'gifted', 'breakage', 'other')),
                sale_price REAL CHECK (sale_price IS NULL OR sale_price >= 0),
                currency TEXT,
                gift_recipient TEXT,
                rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 0 AND 100),
                tasting_notes TEXT NOT NULL DEFAULT '',
                from_location TEXT,
                to_location TEXT,
                created_at TEXT NOT NULL,
                CHECK ((event_type = 'CHECK_OUT') = (reason IS NOT NULL))
            ) STRICT;
            CREATE INDEX wine_event_wine ON wine_event (wine_id, event_date DESC, created_at DESC);
            CREATE INDEX wine_event_date ON wine_event (event_date DESC, created_at DESC, id);
            CREATE INDEX wine_event_type ON wine_event (event_type, event_date, wine_id);
            CREATE INDEX wine_event_reason ON wine_event (reason, event_date) WHERE reason IS NOT NULL;
            CREATE INDEX wine_event_lot ON wine_event (lot_id) WHERE lot_id IS NOT NULL;
            CREATE INDEX wine_event_user ON wine_event (user_id) WHERE user_id IS NOT NULL;

            CREATE TABLE wine_score (
                id TEXT PRIMARY KEY,
                wine_id TEXT NOT NULL REFERENCES wine (id) ON DELETE CASCADE,
                source TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 100),
                score REAL NOT NULL CHECK (score >= 0),
                scale INTEGER NOT NULL CHECK (scale IN (100, 20, 5)),
                normalized_score REAL GENERATED ALWAYS AS (round(score * 100.0 / scale, 2)) VIRTUAL,
                review_date TEXT,
                reviewer TEXT,
                notes TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                CHECK (score <= scale)
            ) STRICT;
            CREATE INDEX wine_score_wine ON wine_score (wine_id, created_at, id);

            CREATE TABLE wine_blend (
                wine_id TEXT NOT NULL REFERENCES wine (id) ON DELETE CASCADE,
                position INTEGER NOT NULL CHECK (position >= 0),
                grape TEXT NOT NULL CHECK (length(grape) BETWEEN 1 AND 200),
                percentage REAL CHECK (percentage IS NULL OR percentage BETWEEN 0 AND 100),
                PRIMARY KEY (wine_id, position)
            ) STRICT, WITHOUT ROWID;

            CREATE VIRTUAL TABLE wine_search USING fts5(
                name, winery, places, grapes, classification, label_text, notes,
                tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
            );
            CREATE VIEW wine_search_source AS
                SELECT w.seq AS seq, w.name AS name, coalesce(w.winery, '') AS winery,
                    coalesce(w.country, '') || ' ' || coalesce(w.region, '') || ' ' || coalesce(w.sub_region, '') || ' '
                        || coalesce(w.appellation, '') AS places,
                    coalesce(w.grape_variety, '') || ' '
                        || coalesce((SELECT group_concat(b.grape, ' ') FROM wine_blend b WHERE b.wine_id = w.id), '')
                        AS grapes,
                    coalesce(w.classification, '') AS classification,
                    w.front_label_text || ' ' || w.back_label_text AS label_text, w.notes AS notes, w.id AS id
                FROM wine w;
            CREATE TRIGGER wine_search_added AFTER INSERT ON wine BEGIN
                INSERT INTO wine_search (rowid, name, winery, places, grapes, classification, label_text, notes)
                    SELECT seq, name, winery, places, grapes, classification, label_text, notes
                    FROM wine_search_source WHERE seq = new.seq;
            END;
            CREATE TRIGGER wine_search_changed AFTER UPDATE OF name, winery, country, region, sub_region, appellation,
                grape_variety, classification, front_label_text, back_label_text, notes ON wine BEGIN
                DELETE FROM wine_search WHERE rowid = old.seq;
                INSERT INTO wine_search (rowid, name, winery, places, grapes, classification, label_text, notes)
                    SELECT seq, name, winery, places, grapes, classification, label_text, notes
                    FROM wine_search_source WHERE seq = new.seq;
            END;
            CREATE TRIGGER wine_search_removed AFTER DELETE ON wine BEGIN
                DELETE FROM wine_search WHERE rowid = old.seq;
            END;
            CREATE TRIGGER wine_blend_added AFTER INSERT ON wine_blend BEGIN
                DELETE FROM wine_search WHERE rowid = (SELECT seq FROM wine WHERE id = new.wine_id);
                INSERT INTO wine_search (rowid, name, winery, places, grapes, classification, label_text, notes)
                    SELECT seq, name, winery, places, grapes, classification, label_text, notes
                    FROM wine_search_source WHERE id = new.wine_id;
            END;
            CREATE TRIGGER wine_blend_removed AFTER DELETE ON wine_blend BEGIN
                DELETE FROM wine_search WHERE rowid = (SELECT seq FROM wine WHERE id = old.wine_id);
                INSERT INTO wine_search (rowid, name, winery, places, grapes, classification, label_text, notes)
                    SELECT seq, name, winery, places, grapes, classification, label_text, notes
                    FROM wine_search_source WHERE id = old.wine_id;
            END;
            """)
}
