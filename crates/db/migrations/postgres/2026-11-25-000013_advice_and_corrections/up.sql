-- Statements that would make a SQL store's email look-ups use an index (JSON list), found when the store is saved.
ALTER TABLE stores ADD COLUMN lookup_advice TEXT;
-- A correction's preview, staff decisions and what was applied, encrypted (it holds the subject's values).
ALTER TABLE tasks ADD COLUMN correction_enc TEXT;
