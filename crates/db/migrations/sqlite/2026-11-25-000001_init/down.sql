DROP TABLE write_lock;
DROP TABLE holidays;
DROP TABLE audit_log;
DROP TABLE request_events;
DROP TABLE requests;
DROP TABLE api_tokens;
DROP TABLE sessions;
DROP TABLE users;
