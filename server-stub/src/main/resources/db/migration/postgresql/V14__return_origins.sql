-- The origins (scheme://host[:port]) that an environment's users may name as where the provider's page
-- sends them back: the return_url of a top-up or withdrawal, the callback_url of a web-wallet deposit.
-- Any other would turn Coffer's checkout into an open redirect (a phishing link that starts on Coffer).
-- Set by the partner with a signed PUT /api/v1/partner/return-origins, which replaces the list;
-- Coffer's own origin is always allowed and never listed. Signed partner requests name their own URLs.
-- Kept in step with ../sqlite/V14__return_origins.sql: same tables, columns and meaning.
CREATE TABLE return_origins (
  env_id     TEXT NOT NULL REFERENCES environments(id),
  origin     TEXT NOT NULL,   -- lower-case scheme and host, and the port unless it is the scheme's default
  created_at BIGINT NOT NULL,
  PRIMARY KEY (env_id, origin)
);
