-- Partner signatures already used (SPEC.md "Signatures": a signature is good for one request), so a
-- captured signed request sent again within its 300 s is refused, by every process sharing the database.
-- Per environment: one partner's requests never spend another's.
-- Kept in step with ../sqlite/V10__used_signatures.sql: same tables, columns and meaning.
CREATE TABLE used_signatures (
  env_id          TEXT NOT NULL,         -- the environment whose secret signed it
  digest          TEXT NOT NULL,         -- hex SHA-256 of what the signature covers (t, method, path, body)
  idempotency_key TEXT,                  -- the first use's Idempotency-Key; only that key may send it again
  expires_at      BIGINT NOT NULL,       -- epoch ms: past its t + 300 s and a margin for clock skew; then purged
  PRIMARY KEY (env_id, digest)
);
CREATE INDEX used_signatures_expiry ON used_signatures(expires_at);
