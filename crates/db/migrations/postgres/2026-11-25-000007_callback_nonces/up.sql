-- Nonces of signed store callbacks already accepted: each is good once, so a captured
-- callback cannot be replayed to its task or another.
CREATE TABLE callback_nonces (
    nonce TEXT PRIMARY KEY NOT NULL,
    task_id TEXT NOT NULL,
    seen_at TIMESTAMP NOT NULL
);
