DROP INDEX tasks_request;
DROP INDEX requests_closed;
DROP INDEX requests_received;
