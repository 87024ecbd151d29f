-- qualcode project file, schema 2: theme and code suggestions, and the NLP parse cache.
-- code_id columns carry no foreign key on purpose: deleting or merging a code must never be
-- blocked by a remembered suggestion; readers skip suggestions whose code is gone.

-- One spaCy parse (plain JSON) per distinct text and pipeline; never shown to users.
CREATE TABLE parse_cache (
    id INTEGER PRIMARY KEY,
    text_sha256 TEXT NOT NULL,
    model TEXT NOT NULL,                   -- pipeline name, "+ents" when entities were asked
    model_version TEXT NOT NULL,
    data TEXT NOT NULL,                    -- JSON, see qualcode/nlp/parsed.py
    UNIQUE (text_sha256, model, model_version)
);

-- One row per `suggest themes` run: its parameters and how k was chosen.
CREATE TABLE theme_runs (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    coder TEXT NOT NULL DEFAULT '',
    fingerprint TEXT NOT NULL,             -- params + model + units: same inputs, same themes
    params TEXT NOT NULL,                  -- JSON
    summary TEXT NOT NULL                  -- JSON: model, units, k, scores per k
);
CREATE INDEX theme_runs_fingerprint ON theme_runs (fingerprint);

CREATE TABLE themes (
    id INTEGER PRIMARY KEY,
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

CREATE TABLE code_suggestions (
    id INTEGER PRIMARY KEY,
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
CREATE INDEX code_suggestions_document ON code_suggestions (document_id, status);

-- Cross-validation of the code suggester on the project's own codings.
CREATE TABLE suggestion_evaluations (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    fingerprint TEXT NOT NULL,             -- codings + rejections + params + model
    results TEXT NOT NULL                  -- JSON, see qualcode/core/suggestions.py
);
CREATE INDEX suggestion_evaluations_fingerprint ON suggestion_evaluations (fingerprint);
