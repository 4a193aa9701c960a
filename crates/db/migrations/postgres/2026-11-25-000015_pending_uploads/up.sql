-- A store owner's CSV, parsed and checked, waiting for the owner to confirm what it holds
-- (records, values, columns) before it becomes the task's answer. Sealed: it holds the
-- subject's data.
CREATE TABLE pending_uploads (
    task_id TEXT PRIMARY KEY NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    values_enc TEXT NOT NULL,
    table_name TEXT NOT NULL,
    column_names TEXT NOT NULL,
    records BIGINT NOT NULL,
    value_count BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
