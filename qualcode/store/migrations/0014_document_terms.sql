-- needed when: SELECT count(*) = 0 FROM sqlite_master WHERE type = 'table' AND name = 'document_terms'
-- The suggesters' terms of a whole document (every spoken turn's parse terms laid end to end,
-- see qualcode/suggest/packed_terms.py), keyed by a digest of the document's text and where
-- its turns lie: one row to read per document instead of one per turn. Derived from
-- parse_terms and parse_cache and made again when missing; never shown to users.
CREATE TABLE document_terms (
    document_key TEXT NOT NULL,
    model TEXT NOT NULL,
    model_version TEXT NOT NULL,
    form TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (document_key, model, model_version, form)
);

-- Made from the parses: a parse of that pipeline replaced or removed takes them all along
-- (which documents used it is not recorded, and they are cheap to make again).
CREATE TRIGGER document_terms_follow_update AFTER UPDATE ON parse_cache BEGIN
    DELETE FROM document_terms WHERE model = OLD.model AND model_version = OLD.model_version;
END;
CREATE TRIGGER document_terms_follow_delete AFTER DELETE ON parse_cache BEGIN
    DELETE FROM document_terms WHERE model = OLD.model AND model_version = OLD.model_version;
END;
