-- Settings an administrator changes in the console; each overrides its STEWARD_* default.
CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    updated_by TEXT,
    updated_at TIMESTAMP NOT NULL
);
