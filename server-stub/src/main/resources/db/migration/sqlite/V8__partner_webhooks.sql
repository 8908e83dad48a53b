-- Partner webhooks: events made from the change feed's committed movement versions (V5), their
-- deliveries to the environment's webhook URL (environments.webhook_url, V1), and every attempt.
-- Kept in step with ../postgresql/V8__partner_webhooks.sql: same tables, columns and meaning.

-- The dispatcher's position in the change feed: every commit up to seq has been turned into events.
-- One row, locked by the dispatcher while it creates events, so processes sharing a database never
-- make one event twice. A ledger that existed before this migration starts at its present commit:
-- partners are not sent its history.
CREATE TABLE webhook_cursor (
  id         INTEGER PRIMARY KEY,
  seq        INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
INSERT INTO webhook_cursor (id, seq, updated_at) SELECT 1, seq, 0 FROM ledger_clock WHERE id = 1;

-- the dispatcher reads the versions in commit order
CREATE INDEX transaction_versions_seq ON transaction_versions(seq);

-- One event and its delivery. status: pending (an attempt is due at next_attempt_at), delivered
-- (a 2xx answer), failed (out of attempts; a replay makes it pending again).
CREATE TABLE webhook_deliveries (
  id              TEXT PRIMARY KEY,
  event_id        TEXT NOT NULL UNIQUE,
  env_id          TEXT NOT NULL REFERENCES environments(id),
  event_type      TEXT NOT NULL,
  transaction_id  TEXT NOT NULL,
  payload         TEXT NOT NULL,
  status          TEXT NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,  -- every attempt ever made
  round_attempts  INTEGER NOT NULL DEFAULT 0,  -- attempts since it was created or last replayed
  next_attempt_at INTEGER,
  created_at      INTEGER NOT NULL,
  delivered_at    INTEGER,
  UNIQUE (transaction_id, event_type)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at);
CREATE INDEX webhook_deliveries_log ON webhook_deliveries(env_id, id);

CREATE TABLE webhook_attempts (
  delivery_id  TEXT NOT NULL REFERENCES webhook_deliveries(id),
  attempt      INTEGER NOT NULL,
  attempted_at INTEGER NOT NULL,
  url          TEXT NOT NULL,
  http_status  INTEGER,        -- null when no answer came (refused, timed out, cut off)
  error        TEXT,           -- why it did not count as delivered, or null
  duration_ms  INTEGER NOT NULL,
  PRIMARY KEY (delivery_id, attempt)
);
