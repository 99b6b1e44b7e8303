CREATE TABLE collectors_probe_common (id INTEGER NOT NULL PRIMARY KEY);
