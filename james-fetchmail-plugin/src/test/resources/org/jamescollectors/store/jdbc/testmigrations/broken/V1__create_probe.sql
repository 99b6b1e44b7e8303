CREATE TABLE collectors_probe (id INTEGER NOT NULL PRIMARY KEY);
INSERT INTO collectors_no_such_table (id) VALUES (1);
