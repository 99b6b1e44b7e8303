-- A table for the migration tests.
CREATE TABLE collectors_probe (id INTEGER NOT NULL PRIMARY KEY);
