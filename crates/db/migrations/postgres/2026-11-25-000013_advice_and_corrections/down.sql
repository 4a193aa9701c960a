ALTER TABLE tasks DROP COLUMN correction_enc;
ALTER TABLE stores DROP COLUMN lookup_advice;
