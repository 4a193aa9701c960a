-- Staff search requests by name without decrypting them all: one row per word of the
-- requester's name, holding the word's keyed hash (a blind index, as for email addresses).
CREATE TABLE request_name_words (
    word_index TEXT NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    PRIMARY KEY (word_index, request_id)
);
CREATE INDEX request_name_words_request ON request_name_words (request_id);
