-- A request is claimed before it runs, so that of concurrent requests under one key only one runs:
-- the row is stored first without a response (create_time is the claim time) and gets its response
-- when the request succeeded; a failed request deletes its row.
ALTER TABLE request_results MODIFY response MEDIUMBLOB NULL;
