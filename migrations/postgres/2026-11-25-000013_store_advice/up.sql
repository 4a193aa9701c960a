-- Statements that would make a SQL store's email look-ups use an index (JSON list), found when the store is saved.
ALTER TABLE stores ADD COLUMN lookup_advice TEXT;
