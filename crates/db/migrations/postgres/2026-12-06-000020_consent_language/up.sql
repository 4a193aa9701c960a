-- The language the banner or preference centre was shown in when the choice was made.
ALTER TABLE consent_records ADD COLUMN language TEXT;
