ALTER TABLE stores DROP COLUMN lookup_advice;
