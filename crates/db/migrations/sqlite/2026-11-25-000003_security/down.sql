DROP TABLE breaches;
DROP TABLE recovery_codes;
ALTER TABLE sessions DROP COLUMN totp_pending_enc;
ALTER TABLE sessions DROP COLUMN mfa_verified;
ALTER TABLE users DROP COLUMN totp_last_step;
ALTER TABLE users DROP COLUMN totp_enabled_at;
ALTER TABLE users DROP COLUMN totp_secret_enc;
