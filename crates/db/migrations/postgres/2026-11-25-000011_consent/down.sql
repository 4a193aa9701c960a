DROP TABLE preference_sessions;
DROP TABLE preference_links;
DROP TABLE site_keys;
DROP TABLE consent_current;
DROP TABLE consent_records;
DROP TABLE notices;
DROP TABLE purposes;
