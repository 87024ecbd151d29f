-- needed when: SELECT count(*) = 0 FROM pragma_table_info('code_suggestions') WHERE name = 'score'
-- qualcode project file, schema 9: each code suggestion keeps the suggester's raw score beside
-- its calibrated confidence, so the cross-validated record shown with it is the code's record
-- at that score ("right 5 of 6 times offered at this score or higher"). NULL for suggestions
-- stored before.
ALTER TABLE code_suggestions ADD COLUMN score REAL;
