-- The data-store registry doubles as the records of processing (GDPR Art. 30).
CREATE TABLE stores (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    owner_id TEXT NOT NULL REFERENCES users(id),
    description TEXT NOT NULL,
    purposes TEXT NOT NULL,
    legal_basis TEXT NOT NULL,
    data_categories TEXT NOT NULL,
    subject_categories TEXT NOT NULL,
    recipients TEXT NOT NULL,
    transfers TEXT NOT NULL,
    retention TEXT NOT NULL,
    security_measures TEXT NOT NULL,
    connection_enc TEXT,
    dataset TEXT,
    url TEXT,
    secret_enc TEXT,
    hash_key_enc TEXT NOT NULL,
    active BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- One task per request and store. Connector jobs are claimed by compare-and-set on
-- (status, claimed_until), so two processes never run the same job.
CREATE TABLE tasks (
    id TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests(id),
    store_id TEXT NOT NULL REFERENCES stores(id),
    status TEXT NOT NULL,
    due_date DATE NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP,
    claimed_until TIMESTAMP,
    last_error TEXT,
    result TEXT,
    note TEXT,
    exemption_basis TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    completed_at TIMESTAMP,
    UNIQUE (request_id, store_id)
);
CREATE INDEX tasks_status ON tasks(status, next_attempt_at);
CREATE INDEX tasks_store ON tasks(store_id, status);

-- The subject's data found for an access or portability request: one row per field value,
-- the value encrypted like every other personal datum at rest.
CREATE TABLE task_records (
    task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests(id),
    table_name TEXT NOT NULL,
    record TEXT NOT NULL,
    field TEXT NOT NULL,
    data_category TEXT NOT NULL,
    value_enc TEXT,
    PRIMARY KEY (task_id, seq)
);
CREATE INDEX task_records_request ON task_records(request_id);

-- A reminder is sent once: the key names what and when, and its insert is the claim.
CREATE TABLE reminders (
    key TEXT PRIMARY KEY NOT NULL,
    sent_at TIMESTAMP NOT NULL
);
