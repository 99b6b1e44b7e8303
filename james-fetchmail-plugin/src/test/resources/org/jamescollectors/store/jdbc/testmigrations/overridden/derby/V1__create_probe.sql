CREATE TABLE collectors_probe_override (backend VARCHAR(20) NOT NULL);
INSERT INTO collectors_probe_override (backend) VALUES ('derby');
