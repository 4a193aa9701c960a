-- The queue and the overview filter open requests by the date staff must meet, the extended
-- one once granted: COALESCE(extended_due_date, due_date), written exactly as the queries
-- write it, so the index on that expression serves them (no copy of the date to keep in step).
CREATE INDEX requests_status_effective_due ON requests (status, COALESCE(extended_due_date, due_date));
