-- The services behind each consent purpose (who receives the data) and what each keeps in
-- the visitor's browser, so the banner can name them and clear what it can on withdrawal.
CREATE TABLE consent_services (
    id TEXT PRIMARY KEY NOT NULL,
    purpose_key TEXT NOT NULL REFERENCES purposes(key),
    name TEXT NOT NULL,
    provider TEXT NOT NULL,
    privacy_url TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX consent_services_purpose ON consent_services (purpose_key, created_at);

CREATE TABLE consent_service_storage (
    service_id TEXT NOT NULL REFERENCES consent_services(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    lifetime TEXT NOT NULL,
    third_party BOOLEAN NOT NULL,
    PRIMARY KEY (service_id, position)
);
