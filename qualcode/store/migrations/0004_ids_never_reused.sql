-- foreign keys off
-- needed when: SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'codes' AND sql NOT LIKE '%AUTOINCREMENT%'
-- qualcode project file, schema 4: row ids are never reused.
-- Findings, quote picks, matrix cells, suggestions, memos and the event log refer to rows by
-- plain id; with INTEGER PRIMARY KEY a deleted row's id went to the next new row, which then
-- inherited the old row's finding or key-quote status, and redo could collide. Every table
-- whose ids are referred to that way is rebuilt with AUTOINCREMENT, data kept, and its counter
-- starts above every id it ever had (the event log remembers deleted rows) or is referred to.
-- The file is marked as a qualcode project (application_id 'QCOD') so it is known by its header.
-- (migrate.py runs this with foreign keys off, and checks them before committing; it also
-- runs it on projects already past schema 4, made before this migration existed.)

CREATE TABLE new_coders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE
);
INSERT INTO new_coders (id, name) SELECT id, name FROM coders;
DROP TABLE coders;
ALTER TABLE new_coders RENAME TO coders;

CREATE TABLE new_cases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
INSERT INTO new_cases (id, name) SELECT id, name FROM cases;
DROP TABLE cases;
ALTER TABLE new_cases RENAME TO cases;

CREATE TABLE new_attributes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean'))
);
INSERT INTO new_attributes (id, name, type) SELECT id, name, type FROM attributes;
DROP TABLE attributes;
ALTER TABLE new_attributes RENAME TO attributes;

CREATE TABLE new_case_attributes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    attribute_id INTEGER NOT NULL REFERENCES attributes(id),
    value TEXT NOT NULL,                   -- typed by attributes.type (ISO date, 'true'/'false')
    UNIQUE (case_id, attribute_id)
);
INSERT INTO new_case_attributes (id, case_id, attribute_id, value) SELECT id, case_id, attribute_id, value FROM case_attributes;
DROP TABLE case_attributes;
ALTER TABLE new_case_attributes RENAME TO case_attributes;

CREATE TABLE new_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO new_documents (id, name, text, sha256, words, format, encoding, source_path, imported_at, case_id) SELECT id, name, text, sha256, words, format, encoding, source_path, imported_at, case_id FROM documents;
DROP TABLE documents;
ALTER TABLE new_documents RENAME TO documents;

CREATE TABLE new_speakers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('interviewer', 'respondent', 'note')),
    UNIQUE (document_id, name)
);
INSERT INTO new_speakers (id, document_id, name, role) SELECT id, document_id, name, role FROM speakers;
DROP TABLE speakers;
ALTER TABLE new_speakers RENAME TO speakers;

CREATE TABLE new_codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO new_codes (id, guid, name, parent_id, definition, inclusion, exclusion, example, colour, shortcut, position) SELECT id, guid, name, parent_id, definition, inclusion, exclusion, example, colour, shortcut, position FROM codes;
DROP TABLE codes;
ALTER TABLE new_codes RENAME TO codes;
CREATE UNIQUE INDEX codes_sibling_name ON codes (coalesce(parent_id, 0), lower(name));

CREATE TABLE new_codings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO new_codings (id, document_id, code_id, start, "end", text, coder_id, important, origin, created_at) SELECT id, document_id, code_id, start, "end", text, coder_id, important, origin, created_at FROM codings;
DROP TABLE codings;
ALTER TABLE new_codings RENAME TO codings;
CREATE UNIQUE INDEX codings_span ON codings (document_id, code_id, start, "end", coder_id);
CREATE INDEX codings_code ON codings (code_id);

CREATE TABLE new_memos (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    target TEXT NOT NULL CHECK (target IN ('project', 'document', 'code', 'coding')),
    target_id INTEGER,
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    coder_id INTEGER REFERENCES coders(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
INSERT INTO new_memos (id, target, target_id, title, text, coder_id, created_at, updated_at) SELECT id, target, target_id, title, text, coder_id, created_at, updated_at FROM memos;
DROP TABLE memos;
ALTER TABLE new_memos RENAME TO memos;
CREATE INDEX memos_target ON memos (target, target_id);

CREATE TABLE new_actions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    coder TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    undoable INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('done', 'undone', 'discarded', 'kept')),
    reverses INTEGER REFERENCES actions(id)   -- for undo/redo actions: the action they act on
    -- state 'kept': an undo of it was refused (its rows changed since); it stays done
);
INSERT INTO new_actions (id, name, detail, coder, created_at, undoable, state, reverses) SELECT id, name, detail, coder, created_at, undoable, state, reverses FROM actions;
DROP TABLE actions;
ALTER TABLE new_actions RENAME TO actions;

CREATE TABLE new_theme_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    coder TEXT NOT NULL DEFAULT '',
    fingerprint TEXT NOT NULL,             -- params + model + units: same inputs, same themes
    params TEXT NOT NULL,                  -- JSON
    summary TEXT NOT NULL                  -- JSON: model, units, k, scores per k
);
INSERT INTO new_theme_runs (id, created_at, coder, fingerprint, params, summary) SELECT id, created_at, coder, fingerprint, params, summary FROM theme_runs;
DROP TABLE theme_runs;
ALTER TABLE new_theme_runs RENAME TO theme_runs;
CREATE INDEX theme_runs_fingerprint ON theme_runs (fingerprint);

CREATE TABLE new_themes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL REFERENCES theme_runs(id),
    number INTEGER NOT NULL,               -- 1.. within its run, largest first
    label TEXT NOT NULL,
    keywords TEXT NOT NULL,                -- JSON list
    size INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    cases INTEGER NOT NULL,
    cohesion REAL NOT NULL,
    quotes TEXT NOT NULL,                  -- JSON list of [document_id, start, end]
    members TEXT NOT NULL,                 -- JSON list of [document_id, start, end]
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'accepted', 'merged', 'rejected')),
    code_id INTEGER,                       -- the code it became or was merged into
    UNIQUE (run_id, number)
);
INSERT INTO new_themes (id, run_id, number, label, keywords, size, documents, cases, cohesion, quotes, members, status, code_id) SELECT id, run_id, number, label, keywords, size, documents, cases, cohesion, quotes, members, status, code_id FROM themes;
DROP TABLE themes;
ALTER TABLE new_themes RENAME TO themes;

CREATE TABLE new_code_suggestions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    code_id INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,                    -- copy of documents.text[start:end]
    confidence REAL NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('model', 'similarity')),
    evidence TEXT NOT NULL,                -- JSON list of the words that drove it
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'accepted', 'rejected', 'superseded')),
    coding_id INTEGER,                     -- the coding an acceptance made
    created_at TEXT NOT NULL,
    CHECK (0 <= start AND start < "end")
);
INSERT INTO new_code_suggestions (id, document_id, code_id, start, "end", text, confidence, method, evidence, status, coding_id, created_at) SELECT id, document_id, code_id, start, "end", text, confidence, method, evidence, status, coding_id, created_at FROM code_suggestions;
DROP TABLE code_suggestions;
ALTER TABLE new_code_suggestions RENAME TO code_suggestions;
CREATE INDEX code_suggestions_document ON code_suggestions (document_id, status);

CREATE TABLE new_suggestion_evaluations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    fingerprint TEXT NOT NULL,             -- codings + rejections + params + model
    results TEXT NOT NULL                  -- JSON, see qualcode/core/suggestions.py
);
INSERT INTO new_suggestion_evaluations (id, created_at, fingerprint, results) SELECT id, created_at, fingerprint, results FROM suggestion_evaluations;
DROP TABLE suggestion_evaluations;
ALTER TABLE new_suggestion_evaluations RENAME TO suggestion_evaluations;
CREATE INDEX suggestion_evaluations_fingerprint ON suggestion_evaluations (fingerprint);

CREATE TABLE new_findings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code_id INTEGER NOT NULL UNIQUE,
    text TEXT NOT NULL,
    coder_id INTEGER REFERENCES coders(id),
    updated_at TEXT NOT NULL
);
INSERT INTO new_findings (id, code_id, text, coder_id, updated_at) SELECT id, code_id, text, coder_id, updated_at FROM findings;
DROP TABLE findings;
ALTER TABLE new_findings RENAME TO findings;

CREATE TABLE new_quote_picks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    coding_id INTEGER NOT NULL UNIQUE,
    coder_id INTEGER REFERENCES coders(id),
    created_at TEXT NOT NULL
);
INSERT INTO new_quote_picks (id, coding_id, coder_id, created_at) SELECT id, coding_id, coder_id, created_at FROM quote_picks;
DROP TABLE quote_picks;
ALTER TABLE new_quote_picks RENAME TO quote_picks;

CREATE TABLE new_matrices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    scale TEXT NOT NULL DEFAULT '[]'          -- JSON list of rating levels, best first
);
INSERT INTO new_matrices (id, name, scale) SELECT id, name, scale FROM matrices;
DROP TABLE matrices;
ALTER TABLE new_matrices RENAME TO matrices;

CREATE TABLE new_matrix_columns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    matrix_id INTEGER NOT NULL REFERENCES matrices(id),
    code_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (matrix_id, code_id)
);
INSERT INTO new_matrix_columns (id, matrix_id, code_id, position) SELECT id, matrix_id, code_id, position FROM matrix_columns;
DROP TABLE matrix_columns;
ALTER TABLE new_matrix_columns RENAME TO matrix_columns;

CREATE TABLE new_matrix_cells (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    matrix_id INTEGER NOT NULL REFERENCES matrices(id),
    case_id INTEGER NOT NULL,
    code_id INTEGER NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    rating TEXT NOT NULL DEFAULT '',
    coder_id INTEGER REFERENCES coders(id),
    updated_at TEXT NOT NULL,
    UNIQUE (matrix_id, case_id, code_id)
);
INSERT INTO new_matrix_cells (id, matrix_id, case_id, code_id, summary, rating, coder_id, updated_at) SELECT id, matrix_id, case_id, code_id, summary, rating, coder_id, updated_at FROM matrix_cells;
DROP TABLE matrix_cells;
ALTER TABLE new_matrix_cells RENAME TO matrix_cells;

-- Counters above every id each table ever had or is referred to by (the copies above left
-- counters of their own: replace them).
DELETE FROM sqlite_sequence WHERE name IN (
    'coders', 'cases', 'attributes', 'case_attributes', 'documents', 'speakers', 'codes',
    'codings', 'memos', 'actions', 'theme_runs', 'themes', 'code_suggestions',
    'suggestion_evaluations', 'findings', 'quote_picks', 'matrices', 'matrix_columns',
    'matrix_cells');
INSERT INTO sqlite_sequence (name, seq) VALUES ('coders', max(coalesce((SELECT max(id) FROM coders), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'coders'), 0)));
INSERT INTO sqlite_sequence (name, seq) VALUES ('cases', max(coalesce((SELECT max(id) FROM cases), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'cases'), 0),
    coalesce((SELECT max(case_id) FROM matrix_cells), 0),
    coalesce((SELECT max(case_id) FROM documents), 0)));
INSERT INTO sqlite_sequence (name, seq) VALUES ('attributes', max(coalesce((SELECT max(id) FROM attributes), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'attributes'), 0)));
INSERT INTO sqlite_sequence (name, seq) VALUES ('case_attributes', max(coalesce((SELECT max(id) FROM case_attributes), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'case_attributes'), 0)));
INSERT INTO sqlite_sequence (name, seq) VALUES ('documents', max(coalesce((SELECT max(id) FROM documents), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'documents'), 0),
    coalesce((SELECT max(target_id) FROM memos WHERE target = 'document'), 0)));
INSERT INTO sqlite_sequence (name, seq) VALUES ('speakers', max(coalesce((SELECT max(id) FROM speakers), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'speakers'), 0)));
INSERT INTO sqlite_sequence (name, seq) VALUES ('codes', max(coalesce((SELECT max(id) FROM codes), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'codes'), 0),
    coalesce((SELECT max(code_id) FROM findings), 0),
    coalesce((SELECT max(code_id) FROM matrix_columns), 0),
    coalesce((SELECT max(code_id) FROM matrix_cells), 0),
    coalesce((SELECT max(code_id) FROM code_suggestions), 0),
    coalesce((SELECT max(code_id) FROM themes), 0),
    coalesce((SELECT max(parent_id) FROM codes), 0),
    coalesce((SELECT max(target_id) FROM memos WHERE target = 'code'), 0)));
INSERT INTO sqlite_sequence (name, seq) VALUES ('codings', max(coalesce((SELECT max(id) FROM codings), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'codings'), 0),
    coalesce((SELECT max(coding_id) FROM quote_picks), 0),
    coalesce((SELECT max(coding_id) FROM code_suggestions), 0),
    coalesce((SELECT max(target_id) FROM memos WHERE target = 'coding'), 0)));
INSERT INTO sqlite_sequence (name, seq) VALUES ('memos', max(coalesce((SELECT max(id) FROM memos), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'memos'), 0)));
INSERT INTO sqlite_sequence (name, seq) VALUES ('actions', max(coalesce((SELECT max(id) FROM actions), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'actions'), 0),
    coalesce((SELECT max(action_id) FROM events), 0)));
INSERT INTO sqlite_sequence (name, seq) VALUES ('theme_runs', max(coalesce((SELECT max(id) FROM theme_runs), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'theme_runs'), 0)));
INSERT INTO sqlite_sequence (name, seq) VALUES ('themes', max(coalesce((SELECT max(id) FROM themes), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'themes'), 0)));
INSERT INTO sqlite_sequence (name, seq) VALUES ('code_suggestions', max(coalesce((SELECT max(id) FROM code_suggestions), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'code_suggestions'), 0)));
INSERT INTO sqlite_sequence (name, seq) VALUES ('suggestion_evaluations', max(coalesce((SELECT max(id) FROM suggestion_evaluations), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'suggestion_evaluations'), 0)));
INSERT INTO sqlite_sequence (name, seq) VALUES ('findings', max(coalesce((SELECT max(id) FROM findings), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'findings'), 0)));
INSERT INTO sqlite_sequence (name, seq) VALUES ('quote_picks', max(coalesce((SELECT max(id) FROM quote_picks), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'quote_picks'), 0)));
INSERT INTO sqlite_sequence (name, seq) VALUES ('matrices', max(coalesce((SELECT max(id) FROM matrices), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'matrices'), 0)));
INSERT INTO sqlite_sequence (name, seq) VALUES ('matrix_columns', max(coalesce((SELECT max(id) FROM matrix_columns), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'matrix_columns'), 0)));
INSERT INTO sqlite_sequence (name, seq) VALUES ('matrix_cells', max(coalesce((SELECT max(id) FROM matrix_cells), 0),
    coalesce((SELECT max(row_id) FROM events WHERE table_name = 'matrix_cells'), 0)));

PRAGMA application_id = 1363365700;  -- 0x51434F44, "QCOD"
