-- A purpose's name, description and notice in another language than the shop's default,
-- each language versioned and hashed on its own: publishing a new German text asks again
-- only those who chose under the German one.
CREATE TABLE notice_translations (
    purpose_key TEXT NOT NULL REFERENCES purposes (key),
    language TEXT NOT NULL,
    version INTEGER NOT NULL,
    -- The version of the default language's notice this text translates: a newer one there
    -- makes it out of date (readers see the default text until it is translated again).
    base_version INTEGER NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    text TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    published_at TIMESTAMP NOT NULL,
    published_by TEXT,
    PRIMARY KEY (purpose_key, language, version)
);

-- The language of the notice a choice was made on (none: the shop's default language).
ALTER TABLE consent_records ADD COLUMN notice_language TEXT;
ALTER TABLE consent_current ADD COLUMN notice_language TEXT;
