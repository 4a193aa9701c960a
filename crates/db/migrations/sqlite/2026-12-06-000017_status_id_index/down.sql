DROP INDEX requests_status_id;
