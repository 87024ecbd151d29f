-- needed when: SELECT count(*) = 0 FROM sqlite_master WHERE type = 'table' AND name = 'parse_terms'
-- The suggesters' terms of each cached parse (content words, noun-chunk phrases, sentences as
-- packed arrays, see qualcode/suggest/packed_terms.py): derived from parse_cache and rebuilt
-- from it when missing, so reading a corpus costs no per-token work. ``form`` names the rules
-- the terms were made by; new rules make new rows. Never shown to users.
CREATE TABLE parse_terms (
    text_sha256 TEXT NOT NULL,
    model TEXT NOT NULL,
    model_version TEXT NOT NULL,
    form TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (text_sha256, model, model_version, form)
) WITHOUT ROWID;

-- Terms follow the parse they were made from: a parse replaced or removed takes them along.
CREATE TRIGGER parse_terms_follow_update AFTER UPDATE ON parse_cache BEGIN
    DELETE FROM parse_terms WHERE text_sha256 = OLD.text_sha256 AND model = OLD.model
        AND model_version = OLD.model_version;
END;
CREATE TRIGGER parse_terms_follow_delete AFTER DELETE ON parse_cache BEGIN
    DELETE FROM parse_terms WHERE text_sha256 = OLD.text_sha256 AND model = OLD.model
        AND model_version = OLD.model_version;
END;
