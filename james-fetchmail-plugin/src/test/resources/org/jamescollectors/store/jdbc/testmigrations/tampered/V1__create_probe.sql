-- A table for the migration tests, changed after it was applied.
CREATE TABLE collectors_probe (id INTEGER NOT NULL PRIMARY KEY, extra INTEGER);
