DROP TABLE reminders;
DROP TABLE task_records;
DROP TABLE tasks;
DROP TABLE stores;
