-- Security (issue 6): TOTP second factor with one-time recovery codes, sessions that count only
-- after the second factor, and the breach register. Column-for-column identical to the
-- PostgreSQL migration of the same name.

-- The TOTP secret is stored AES-GCM encrypted; totp_last_step is the last accepted RFC 6238
-- time step, so a code cannot be replayed within its window.
ALTER TABLE users ADD COLUMN totp_secret_enc TEXT;
ALTER TABLE users ADD COLUMN totp_enabled_at TIMESTAMP;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;

-- A session is a console session only once mfa_verified is true. During enrolment the secret
-- being set up lives (encrypted) on the half-signed-in session, never on the user.
ALTER TABLE sessions ADD COLUMN mfa_verified BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE sessions ADD COLUMN totp_pending_enc TEXT;

CREATE TABLE recovery_codes (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX recovery_codes_user ON recovery_codes(user_id);

CREATE TABLE breaches (
    id TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    discovered_at TIMESTAMP NOT NULL,
    aware_at TIMESTAMP NOT NULL,
    data_categories TEXT NOT NULL,
    subjects_approx BIGINT NOT NULL,
    records_approx BIGINT NOT NULL,
    consequences TEXT NOT NULL,
    measures TEXT NOT NULL,
    dpo_contact TEXT NOT NULL,
    regulator_notified_at TIMESTAMP,
    subjects_notified_at TIMESTAMP,
    subjects_notified_count BIGINT NOT NULL DEFAULT 0,
    created_by TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX breaches_aware ON breaches(aware_at);
