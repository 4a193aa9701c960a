ALTER TABLE consent_records DROP COLUMN language;
