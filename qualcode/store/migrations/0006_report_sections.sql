-- needed when: SELECT count(*) = 0 FROM sqlite_master WHERE type = 'table' AND name = 'report_sections'
-- The consultant's own sections of the report (executive summary, background, method notes,
-- limitations, conclusions, recommendations, a free section, and a profile per case), and
-- key quotes the consultant shortened for the report (the coding keeps the original).
-- case_id and coding_id are plain integers, as in 0003: undoing a deletion brings them back.
-- Ids are never reused (AUTOINCREMENT): the event log refers to them.
CREATE TABLE report_sections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    case_id INTEGER NOT NULL DEFAULT 0,       -- a profile's case; 0 for the other sections
    title TEXT NOT NULL DEFAULT '',           -- '' keeps the kind's own heading
    text TEXT NOT NULL,
    coder_id INTEGER REFERENCES coders(id),
    updated_at TEXT NOT NULL,
    UNIQUE (kind, case_id)
);

CREATE TABLE quote_edits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    coding_id INTEGER NOT NULL UNIQUE,
    text TEXT NOT NULL,                       -- the shortened quote, with … and [words]
    coder_id INTEGER REFERENCES coders(id),
    updated_at TEXT NOT NULL
);
