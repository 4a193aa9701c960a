-- The consent ledger. Purposes carry versioned notices that are never edited; records are
-- append-only (no code path updates or deletes one, except pseudonymising its identifiers
-- after a deletion request); consent_current holds the latest record per subject and
-- purpose, written in the same transaction, so reading a subject's state is one look-up.
CREATE TABLE purposes (
    key TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    sale_or_sharing BOOLEAN NOT NULL,
    necessary BOOLEAN NOT NULL,
    current_version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT
);

CREATE TABLE notices (
    purpose_key TEXT NOT NULL REFERENCES purposes (key),
    version INTEGER NOT NULL,
    text TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    published_at TIMESTAMP NOT NULL,
    published_by TEXT,
    PRIMARY KEY (purpose_key, version)
);

CREATE TABLE consent_records (
    id TEXT PRIMARY KEY NOT NULL,
    subject_index TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_enc TEXT,
    purpose_key TEXT NOT NULL REFERENCES purposes (key),
    notice_version INTEGER NOT NULL,
    status TEXT NOT NULL,
    method TEXT NOT NULL,
    jurisdiction TEXT,
    recorded_at TIMESTAMP NOT NULL,
    ip_hmac TEXT,
    user_agent TEXT,
    page_url TEXT,
    gpc BOOLEAN NOT NULL,
    banner_version TEXT,
    note TEXT,
    recorded_by TEXT,
    site_key_id TEXT,
    pseudonymised_at TIMESTAMP
);
CREATE INDEX consent_records_subject ON consent_records (subject_index, recorded_at);
CREATE INDEX consent_records_time ON consent_records (recorded_at, id);
CREATE INDEX consent_records_purpose ON consent_records (purpose_key, recorded_at);

CREATE TABLE consent_current (
    subject_index TEXT NOT NULL,
    purpose_key TEXT NOT NULL REFERENCES purposes (key),
    record_id TEXT NOT NULL,
    status TEXT NOT NULL,
    notice_version INTEGER NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (subject_index, purpose_key)
);
CREATE INDEX consent_current_purpose ON consent_current (purpose_key, status);

-- Keys for the public consent API; only their SHA-256 is kept, the key is shown once.
CREATE TABLE site_keys (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    origins TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    revoked_at TIMESTAMP
);

-- Emailed links to the preference centre: single-use, hashed, 24 hours.
CREATE TABLE preference_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    subject_index TEXT NOT NULL,
    subject_enc TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);

-- What an opened link becomes: a short session in a cookie, with its own form token.
CREATE TABLE preference_sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    subject_index TEXT NOT NULL,
    subject_enc TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
