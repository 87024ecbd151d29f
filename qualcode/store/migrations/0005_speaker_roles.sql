-- Where each speaker's role came from, and why: so inference can revisit its own guesses
-- (never a role a person set) and the Speakers list can show its evidence.
-- role_source: 'label' (a role word such as "Interviewer 2"), 'rule' (a configured interviewer
-- name), 'inferred' (evidence across the project), 'user' (set by hand), 'default'.
ALTER TABLE speakers ADD COLUMN role_source TEXT NOT NULL DEFAULT 'default';
ALTER TABLE speakers ADD COLUMN evidence TEXT NOT NULL DEFAULT '';
-- The label as first detected in the text ('' = the name): a rename keeps it, so that
-- re-detecting the turns of a document maps the label back to the renamed speaker.
ALTER TABLE speakers ADD COLUMN label TEXT NOT NULL DEFAULT '';
