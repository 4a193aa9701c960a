DROP TABLE calendar_changes;

CREATE TABLE holidays (
    jurisdiction TEXT NOT NULL,
    day DATE NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (jurisdiction, day)
);
