-- Signed audit checkpoints (audit::checkpoint); the append-only file beside the key is the
-- anchor, this is its copy for pages.
CREATE TABLE audit_checkpoints (
    rows BIGINT NOT NULL,
    head_hash TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    signature TEXT NOT NULL,
    PRIMARY KEY (rows, signed_at)
);
