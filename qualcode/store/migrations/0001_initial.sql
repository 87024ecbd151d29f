-- qualcode project file, schema 1. Offsets are code-point indices into documents.text.
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL                    -- JSON
);

CREATE TABLE coders (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE attributes (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean'))
);

CREATE TABLE case_attributes (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    attribute_id INTEGER NOT NULL REFERENCES attributes(id),
    value TEXT NOT NULL,                   -- typed by attributes.type (ISO date, 'true'/'false')
    UNIQUE (case_id, attribute_id)
);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,                    -- normalised once at import, never changed
    sha256 TEXT NOT NULL UNIQUE,           -- of the normalised text: same content, same doc
    words INTEGER NOT NULL DEFAULT 0,      -- len(text.split()), kept for lists and stats
    format TEXT NOT NULL,
    encoding TEXT NOT NULL,
    source_path TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    case_id INTEGER REFERENCES cases(id)
);

CREATE TABLE speakers (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('interviewer', 'respondent', 'note')),
    UNIQUE (document_id, name)
);

CREATE TABLE turns (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text_start INTEGER NOT NULL,
    text_end INTEGER NOT NULL,
    speaker_id INTEGER REFERENCES speakers(id),
    role TEXT NOT NULL CHECK (role IN ('interviewer', 'respondent', 'note')),
    timestamp REAL,
    text TEXT NOT NULL,                    -- documents.text[text_start:text_end], for FTS
    UNIQUE (document_id, idx),
    CHECK (start <= text_start AND text_start <= text_end AND text_end <= "end")
);

CREATE VIRTUAL TABLE turns_fts USING fts5(
    text, content='turns', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER turns_ai AFTER INSERT ON turns BEGIN
    INSERT INTO turns_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER turns_ad AFTER DELETE ON turns BEGIN
    INSERT INTO turns_fts(turns_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE codes (
    id INTEGER PRIMARY KEY,
    guid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    parent_id INTEGER REFERENCES codes(id),
    definition TEXT NOT NULL DEFAULT '',
    inclusion TEXT NOT NULL DEFAULT '',
    exclusion TEXT NOT NULL DEFAULT '',
    example TEXT NOT NULL DEFAULT '',
    colour TEXT NOT NULL DEFAULT '',
    shortcut TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX codes_sibling_name ON codes (coalesce(parent_id, 0), lower(name));

CREATE TABLE codings (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    code_id INTEGER NOT NULL REFERENCES codes(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,                    -- copy of documents.text[start:end]
    coder_id INTEGER NOT NULL REFERENCES coders(id),
    important INTEGER NOT NULL DEFAULT 0,
    origin TEXT NOT NULL DEFAULT 'human',
    created_at TEXT NOT NULL,
    CHECK (0 <= start AND start < "end")
);
CREATE UNIQUE INDEX codings_span ON codings (document_id, code_id, start, "end", coder_id);
CREATE INDEX codings_code ON codings (code_id);

CREATE TABLE memos (
    id INTEGER PRIMARY KEY,
    target TEXT NOT NULL CHECK (target IN ('project', 'document', 'code', 'coding')),
    target_id INTEGER,
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    coder_id INTEGER REFERENCES coders(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX memos_target ON memos (target, target_id);

-- The event log: one action per user action; its events are row changes (before/after as
-- JSON). Events are only ever appended; undo and redo append their own actions.
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    coder TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    undoable INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('done', 'undone', 'discarded')),
    reverses INTEGER REFERENCES actions(id)   -- for undo/redo actions: the action they act on
);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id),
    kind TEXT NOT NULL CHECK (kind IN ('insert', 'update', 'delete')),
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    before TEXT,                           -- JSON row, NULL for insert
    after TEXT                             -- JSON row, NULL for delete
);
CREATE INDEX events_action ON events (action_id);
CREATE TRIGGER turns_au AFTER UPDATE OF text ON turns BEGIN
    INSERT INTO turns_fts(turns_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO turns_fts(rowid, text) VALUES (new.id, new.text);
END;
