-- needed when: SELECT count(*) = 0 FROM pragma_table_info('speakers') WHERE name = 'role_source'
-- Where each speaker's role came from, and why: so inference can revisit its own guesses
-- (never a role a person set) and the Speakers list can show its evidence.
-- role_source: 'label' (a role word such as "Interviewer 2"), 'rule' (a configured interviewer
-- name), 'inferred' (evidence across the project), 'user' (set by hand), 'default'.
ALTER TABLE speakers ADD COLUMN role_source TEXT NOT NULL DEFAULT 'default';
ALTER TABLE speakers ADD COLUMN evidence TEXT NOT NULL DEFAULT '';
-- The label as first detected in the text ('' = the name): a rename keeps it, so that
-- re-detecting the turns of a document maps the label back to the renamed speaker.
ALTER TABLE speakers ADD COLUMN label TEXT NOT NULL DEFAULT '';

-- A bottom-k sketch of each document's normalised five-word shingles (JSON list of ints), so
-- the same interview imported in another format is found without rereading every text.
CREATE TABLE document_sketches (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    sketch TEXT NOT NULL
);
