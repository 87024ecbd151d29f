-- Synthesis: findings per code, key-quote picks, the framework matrix.
-- code_id, coding_id and case_id are deliberately not foreign keys: deleting a code or a
-- coding (undoably) must not be blocked by, nor silently cascade to, its synthesis. Undoing
-- the deletion brings the row back under the same id, and with it its synthesis; readers
-- skip rows whose code, coding or case is gone.
CREATE TABLE findings (
    id INTEGER PRIMARY KEY,
    code_id INTEGER NOT NULL UNIQUE,
    text TEXT NOT NULL,
    coder_id INTEGER REFERENCES coders(id),
    updated_at TEXT NOT NULL
);

CREATE TABLE quote_picks (
    id INTEGER PRIMARY KEY,
    coding_id INTEGER NOT NULL UNIQUE,
    coder_id INTEGER REFERENCES coders(id),
    created_at TEXT NOT NULL
);

CREATE TABLE matrices (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    scale TEXT NOT NULL DEFAULT '[]'          -- JSON list of rating levels, best first
);

CREATE TABLE matrix_columns (
    id INTEGER PRIMARY KEY,
    matrix_id INTEGER NOT NULL REFERENCES matrices(id),
    code_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (matrix_id, code_id)
);

-- Cells outlive their column: dropping a code from the matrix and adding it back keeps them.
CREATE TABLE matrix_cells (
    id INTEGER PRIMARY KEY,
    matrix_id INTEGER NOT NULL REFERENCES matrices(id),
    case_id INTEGER NOT NULL,
    code_id INTEGER NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    rating TEXT NOT NULL DEFAULT '',
    coder_id INTEGER REFERENCES coders(id),
    updated_at TEXT NOT NULL,
    UNIQUE (matrix_id, case_id, code_id)
);
