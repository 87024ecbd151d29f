-- needed when: SELECT count(*) = 0 FROM sqlite_master WHERE type = 'table' AND name = 'sessions'
-- Where each coder was when they left (area, document, selection, filter, the last position
-- in each document), as JSON (core/session.py). Not part of the undo log: it is navigation,
-- not a change to the data. Keyed by the coder's name, as the TUI is started with it.
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    coder TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL DEFAULT '{}',
    updated_at TEXT NOT NULL
);
