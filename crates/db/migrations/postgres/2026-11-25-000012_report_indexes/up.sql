-- The reports read requests in order of receipt and page by (received_at, id); retention
-- finds requests by their closing time; every report counts tasks per request.
CREATE INDEX requests_received ON requests (received_at, id);
CREATE INDEX requests_closed ON requests (closed_at);
CREATE INDEX tasks_request ON tasks (request_id);
