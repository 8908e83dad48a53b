-- Operations the user confirmed that the server has not answered yet (issue 8). Each row is written
-- durably before its first send; a retry always carries the row's idempotency key, so an attempt that
-- did reach the server moves money once.
CREATE TABLE outbox (
    client_id        TEXT PRIMARY KEY,                 -- UUID generated when the user confirmed
    idempotency_key  TEXT NOT NULL UNIQUE,             -- derived from client_id, the same on every attempt
    position         INTEGER NOT NULL UNIQUE,          -- send order: strictly increasing
    kind             TEXT NOT NULL CHECK (kind IN ('payment', 'transfer')),
    body             TEXT NOT NULL,                    -- the request body as JSON (snake_case, as sent)
    summary          TEXT NOT NULL,                    -- what the user confirmed, in words
    state            TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    server_id        TEXT,                             -- payment id / transfer id once sent
    server_status    TEXT,                             -- the server's status in its answer
    error_code       TEXT,                             -- the ErrorCode name of a refusal
    error_message    TEXT,                             -- the server's words for it
    attempts         INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,                    -- ISO-8601 instants
    updated_at       TEXT NOT NULL,
    dismissed        INTEGER NOT NULL DEFAULT 0        -- 1 once the user cleared a failed entry from the list
);
CREATE INDEX outbox_state_position ON outbox (state, position);
