-- needed when: SELECT count(*) = 0 FROM sqlite_master WHERE type = 'table' AND name = 'identifiers'
-- The identifier register: what could identify a person, where it occurs, and what is done
-- with it in every output (replace with a pseudonym, generalise, or keep). A NULL decision
-- means nobody has reviewed it yet; outputs then apply the safe default for its kind.
CREATE TABLE identifiers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    decision TEXT CHECK (decision IN ('replace', 'generalise', 'keep')),
    replacement TEXT NOT NULL DEFAULT '',
    pseudonym TEXT NOT NULL,
    created_at TEXT NOT NULL,
    decided_at TEXT
);

CREATE TABLE identifier_occurrences (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    identifier_id INTEGER NOT NULL REFERENCES identifiers (id),
    document_id INTEGER NOT NULL REFERENCES documents (id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    UNIQUE (identifier_id, document_id, start)
);

CREATE INDEX identifier_occurrences_document ON identifier_occurrences (document_id);
