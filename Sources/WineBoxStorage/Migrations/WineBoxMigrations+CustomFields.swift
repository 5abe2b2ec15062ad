extension WineBoxMigrations {
    /// Version 6: `wine.custom_fields`, the household's own details of a wine as a JSON object of strings (NULL when
    /// there are none), the earlier WineBox's `custom_fields`. Their names and values join the notes in the search
    /// index, so the view behind it and the trigger that refreshes it on a change are redefined.
    static let addCustomFields = Migration(
        version: 6, name: "add_wine_custom_fields",
        sql: """
            ALTER TABLE wine ADD COLUMN custom_fields TEXT
                CHECK (custom_fields IS NULL OR json_type(custom_fields) = 'object');
            DROP VIEW wine_search_source;
            CREATE VIEW wine_search_source AS
                SELECT w.seq AS seq, w.name AS name, coalesce(w.winery, '') AS winery,
                    coalesce(w.country, '') || ' ' || coalesce(w.region, '') || ' ' || coalesce(w.sub_region, '') || ' '
                        || coalesce(w.appellation, '') AS places,
                    coalesce(w.grape_variety, '') || ' '
                        || coalesce((SELECT group_concat(b.grape, ' ') FROM wine_blend b WHERE b.wine_id = w.id), '')
                        AS grapes,
                    coalesce(w.classification, '') AS classification,
                    w.front_label_text || ' ' || w.back_label_text AS label_text,
                    w.notes || ' '
                        || coalesce(
                            (SELECT group_concat(f.key || ' ' || f.value, ' ') FROM json_each(w.custom_fields) f), '')
                        AS notes,
                    w.id AS id
                FROM wine w;
            DROP TRIGGER wine_search_changed;
            CREATE TRIGGER wine_search_changed AFTER UPDATE OF name, winery, country, region, sub_region, appellation,
                grape_variety, classification, front_label_text, back_label_text, notes, custom_fields ON wine BEGIN
                DELETE FROM wine_search WHERE rowid = old.seq;
                INSERT INTO wine_search (rowid, name, winery, places, grapes, classification, label_text, notes)
                    SELECT seq, name, winery, places, grapes, classification, label_text, notes
                    FROM wine_search_source WHERE seq = new.seq;
            END;
            """)
}
