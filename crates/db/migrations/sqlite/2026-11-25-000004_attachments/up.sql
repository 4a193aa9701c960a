-- Files a requester sends with a request (a CCPA agent's proof of authority), encrypted like
-- every other personal datum at rest.
CREATE TABLE attachments (
    id TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests(id),
    kind TEXT NOT NULL,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    data_enc TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX attachments_request ON attachments(request_id);
