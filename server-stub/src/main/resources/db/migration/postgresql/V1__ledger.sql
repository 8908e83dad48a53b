-- Coffer ledger schema (PostgreSQL). Amounts are integer minor units; times are epoch milliseconds (UTC).
-- Kept in step with ../sqlite/V1__ledger.sql: same tables, columns and meaning.

CREATE TABLE environments (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  webhook_url TEXT,
  created_at  BIGINT NOT NULL
);

-- HMAC secrets must be kept in the clear to verify signatures; several may be active during rotation.
CREATE TABLE environment_secrets (
  env_id     TEXT NOT NULL REFERENCES environments(id),
  secret     TEXT NOT NULL,
  active     BOOLEAN NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (env_id, secret)
);

-- per-environment KYC limits in whole major units of the wallet's currency
CREATE TABLE kyc_limits (
  env_id          TEXT NOT NULL REFERENCES environments(id),
  tier            INTEGER NOT NULL,
  per_transaction BIGINT NOT NULL,
  daily           BIGINT NOT NULL,
  max_balance     BIGINT NOT NULL,
  PRIMARY KEY (env_id, tier)
);

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  env_id        TEXT NOT NULL REFERENCES environments(id),
  external_id   TEXT,
  email         TEXT,
  name          TEXT,
  password_hash TEXT,
  kyc_status    TEXT NOT NULL,
  kyc_tier      INTEGER NOT NULL,
  created_at    BIGINT NOT NULL,
  UNIQUE (env_id, external_id),
  UNIQUE (env_id, email)
);

-- user wallets and the per-environment system accounts (user_id NULL)
CREATE TABLE accounts (
  id              TEXT PRIMARY KEY,
  env_id          TEXT NOT NULL REFERENCES environments(id),
  user_id         TEXT REFERENCES users(id),
  kind            TEXT NOT NULL,
  currency        TEXT NOT NULL,
  status          TEXT NOT NULL,
  posted          BIGINT NOT NULL DEFAULT 0,
  pending_debits  BIGINT NOT NULL DEFAULT 0,
  pending_credits BIGINT NOT NULL DEFAULT 0,
  created_at      BIGINT NOT NULL,
  updated_at      BIGINT NOT NULL,
  seq             BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX accounts_user ON accounts(user_id);
CREATE UNIQUE INDEX accounts_system ON accounts(env_id, kind, currency) WHERE user_id IS NULL;
CREATE INDEX accounts_seq ON accounts(seq);

-- one row per movement as users see it; its postings are the ledger's truth
CREATE TABLE transactions (
  id             TEXT PRIMARY KEY,
  env_id         TEXT NOT NULL,
  kind           TEXT NOT NULL,
  status         TEXT NOT NULL,
  amount         BIGINT NOT NULL,
  currency       TEXT NOT NULL,
  debit_account  TEXT NOT NULL,
  credit_account TEXT NOT NULL,
  hold_id        TEXT,
  original_id    TEXT,
  refunded       BIGINT NOT NULL DEFAULT 0,
  reference      TEXT,
  description    TEXT,
  metadata       TEXT,
  failure_reason TEXT,
  created_at     BIGINT NOT NULL,
  updated_at     BIGINT NOT NULL,
  completed_at   BIGINT,
  seq            BIGINT NOT NULL
);
CREATE INDEX transactions_debit ON transactions(debit_account, created_at);
CREATE INDEX transactions_credit ON transactions(credit_account, created_at);
CREATE INDEX transactions_seq ON transactions(seq);
CREATE INDEX transactions_original ON transactions(original_id);

CREATE TABLE postings (
  transaction_id TEXT NOT NULL,
  account_id     TEXT NOT NULL,
  amount         BIGINT NOT NULL,
  currency       TEXT NOT NULL,
  seq            BIGINT NOT NULL
);
CREATE INDEX postings_account ON postings(account_id);
CREATE INDEX postings_transaction ON postings(transaction_id);

CREATE TABLE holds (
  id             TEXT PRIMARY KEY,
  transaction_id TEXT NOT NULL,
  debit_account  TEXT NOT NULL,
  credit_account TEXT NOT NULL,
  amount         BIGINT NOT NULL,
  currency       TEXT NOT NULL,
  state          TEXT NOT NULL,
  captured       BIGINT NOT NULL DEFAULT 0,
  expires_at     BIGINT NOT NULL,
  created_at     BIGINT NOT NULL,
  resolved_at    BIGINT
);
CREATE INDEX holds_due ON holds(state, expires_at);

CREATE TABLE idempotency_keys (
  scope        TEXT NOT NULL,
  idem_key     TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  response     TEXT,
  created_at   BIGINT NOT NULL,
  PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_created ON idempotency_keys(created_at);

CREATE TABLE audit_log (
  id           BIGSERIAL PRIMARY KEY,
  at           BIGINT NOT NULL,
  env_id       TEXT,
  actor        TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id   TEXT NOT NULL,
  field        TEXT NOT NULL,
  old_value    TEXT,
  new_value    TEXT NOT NULL,
  reason       TEXT
);
CREATE INDEX audit_subject ON audit_log(subject_type, subject_id);

-- commit-ordered sequence for the change feed: a batch takes its numbers here inside its
-- transaction, so numbers are handed out in commit order even with several server processes
CREATE TABLE ledger_clock (
  id  INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL
);
INSERT INTO ledger_clock (id, seq) VALUES (1, 0);
