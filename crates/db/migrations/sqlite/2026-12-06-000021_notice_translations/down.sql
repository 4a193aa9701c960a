ALTER TABLE consent_current DROP COLUMN notice_language;
ALTER TABLE consent_records DROP COLUMN notice_language;
DROP TABLE notice_translations;
