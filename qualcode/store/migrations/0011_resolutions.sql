-- needed when: SELECT count(*) = 0 FROM sqlite_master WHERE type = 'table' AND name = 'resolutions'
-- Consensus work: each disagreement between two coders that someone resolved, and how.
-- The consensus codings themselves are ordinary codings by the consensus coder; this table
-- remembers decisions that leave no coding ("neither") and which clusters are done.
CREATE TABLE resolutions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    first_coder TEXT NOT NULL,
    second_coder TEXT NOT NULL,
    consensus_coder TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('first', 'second', 'both', 'neither', 'edit')),
    coder_id INTEGER REFERENCES coders (id),
    created_at TEXT NOT NULL
);

CREATE INDEX resolutions_place ON resolutions (document_id, start, "end");
