ALTER TABLE collectors_probe ADD COLUMN note VARCHAR(20);
