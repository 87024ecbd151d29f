-- needed when: SELECT count(*) = 0 FROM sqlite_master WHERE type = 'table' AND name = 'exchange_guids'
-- Exchange with other tools (REFI-QDA, QualCoder): GUIDs kept from imports, and sets.
-- exchange_guids remembers the GUID another tool gave a document, case, memo, coding, coder or
-- attribute, so a re-export keeps it; row_id is a plain integer (no foreign key) so undoable
-- deletions are never blocked, and readers skip rows whose target is gone.
CREATE TABLE exchange_guids (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('document', 'case', 'memo', 'coding', 'coder',
                                       'attribute', 'selection')),
    row_id INTEGER NOT NULL,
    guid TEXT NOT NULL,
    UNIQUE (kind, row_id),
    UNIQUE (kind, guid)
);

-- REFI-QDA sets: named groups of codes, documents and memos.
CREATE TABLE sets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    guid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE set_members (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    set_id INTEGER NOT NULL REFERENCES sets(id),
    kind TEXT NOT NULL CHECK (kind IN ('code', 'document', 'memo')),
    member_id INTEGER NOT NULL,
    UNIQUE (set_id, kind, member_id)
);
