-- Failed sign-ins count per account and client address: a stranger guessing at an account
-- locks out only themselves, never the account's owner elsewhere.
CREATE TABLE login_failures (
    user_id TEXT NOT NULL,
    client TEXT NOT NULL,
    failures INTEGER NOT NULL,
    locked_until TIMESTAMP,
    last_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, client)
);
