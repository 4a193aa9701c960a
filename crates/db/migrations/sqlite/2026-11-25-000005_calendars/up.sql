-- Holiday calendars are generated from their statutes in code (domain::holidays); the stored
-- rows were only copies of the old hand-typed seed (which had California wrong), so they go.
-- What admins change is kept as one override per calendar and day.
DROP TABLE holidays;

CREATE TABLE calendar_changes (
    calendar TEXT NOT NULL,
    day DATE NOT NULL,
    -- 'add': a closure the statute does not list; 'remove': a listed day that is worked.
    change TEXT NOT NULL CHECK (change IN ('add', 'remove')),
    name TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_by TEXT,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (calendar, day)
);
