-- Rate-limit token buckets shared by every server process on this database (bucket4j's PostgreSQL
-- layout). id: limit class, limit and client (IP and route, user, or environment); state: the bucket,
-- serialized by bucket4j; expires_at: epoch milliseconds at which the bucket is full again, after which
-- the row holds nothing worth keeping and the servers delete it.
CREATE TABLE rate_limit_buckets (
    id         TEXT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);

CREATE INDEX rate_limit_buckets_expires_at ON rate_limit_buckets (expires_at);
