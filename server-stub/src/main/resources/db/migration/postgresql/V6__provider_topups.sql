-- Money in and out through the provider (issue 5), part one: the bundled payment-provider simulator's
-- own tables (provider_*; Coffer reaches them only over HTTP), the provider events Coffer has applied,
-- top-ups and saved cards. Times are epoch milliseconds, amounts minor units.
-- Kept in step with ../sqlite/V6__provider_topups.sql.

-- ---- the simulator ------------------------------------------------------------------------------------

CREATE TABLE provider_checkout_sessions (
  id                    TEXT PRIMARY KEY,
  reference             TEXT NOT NULL UNIQUE,
  amount                BIGINT NOT NULL,
  currency              TEXT NOT NULL,
  customer_email        TEXT,
  return_url            TEXT NOT NULL,
  allow_save_card       BIGINT NOT NULL,
  status                TEXT NOT NULL,
  -- the card attempt waiting for the extra confirmation step: brand, last4, expiry, save flag; never the number
  awaiting_confirmation TEXT,
  charge_id             TEXT,
  authorization_code    TEXT,
  failure_reason        TEXT,
  created_at            BIGINT NOT NULL,
  expires_at            BIGINT NOT NULL,
  paid_at               BIGINT
);
CREATE INDEX provider_checkout_sessions_due ON provider_checkout_sessions(status, expires_at);

CREATE TABLE provider_cards (
  authorization_code TEXT PRIMARY KEY,
  brand              TEXT NOT NULL,
  last4              TEXT NOT NULL,
  exp_month          BIGINT NOT NULL,
  exp_year           BIGINT NOT NULL,
  created_at         BIGINT NOT NULL
);

CREATE TABLE provider_charges (
  id                 TEXT PRIMARY KEY,
  reference          TEXT NOT NULL UNIQUE,
  session_id         TEXT,
  authorization_code TEXT,
  amount             BIGINT NOT NULL,
  currency           TEXT NOT NULL,
  status             TEXT NOT NULL,
  failure_reason     TEXT,
  refunded           BIGINT NOT NULL DEFAULT 0,
  created_at         BIGINT NOT NULL
);

CREATE TABLE provider_refunds (
  id             TEXT PRIMARY KEY,
  reference      TEXT NOT NULL UNIQUE,
  charge_id      TEXT NOT NULL,
  amount         BIGINT NOT NULL,
  currency       TEXT NOT NULL,
  status         TEXT NOT NULL,
  failure_reason TEXT,
  created_at     BIGINT NOT NULL
);

CREATE TABLE provider_payout_links (
  id         TEXT PRIMARY KEY,
  reference  TEXT NOT NULL UNIQUE,
  amount     BIGINT NOT NULL,
  currency   TEXT NOT NULL,
  return_url TEXT,
  status     TEXT NOT NULL,
  payout_id  TEXT,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX provider_payout_links_due ON provider_payout_links(status, expires_at);

CREATE TABLE provider_payouts (
  id             TEXT PRIMARY KEY,
  reference      TEXT NOT NULL UNIQUE,
  amount         BIGINT NOT NULL,
  currency       TEXT NOT NULL,
  bank_code      TEXT NOT NULL,
  account_number TEXT NOT NULL,
  holder_name    TEXT,
  status         TEXT NOT NULL,
  failure_reason TEXT,
  created_at     BIGINT NOT NULL,
  due_at         BIGINT
);
CREATE INDEX provider_payouts_due ON provider_payouts(status, due_at);

-- signed webhooks to Coffer, kept until acknowledged (a 2xx), retried with backoff across restarts
CREATE TABLE provider_webhook_outbox (
  id              TEXT PRIMARY KEY,
  type            TEXT NOT NULL,
  body            TEXT NOT NULL,
  attempts        BIGINT NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  delivered_at    BIGINT,
  last_error      TEXT,
  created_at      BIGINT NOT NULL
);
CREATE INDEX provider_webhook_outbox_due ON provider_webhook_outbox(delivered_at, next_attempt_at);

-- ---- Coffer's side ------------------------------------------------------------------------------------

-- provider events applied, by the provider's event id: a second delivery of one changes nothing
CREATE TABLE provider_events (
  id          TEXT PRIMARY KEY,
  type        TEXT NOT NULL,
  received_at BIGINT NOT NULL
);

-- a top-up paid at a checkout page (session_id) or by charging a saved card (card_id)
CREATE TABLE topups (
  id                TEXT PRIMARY KEY,
  env_id            TEXT NOT NULL,
  user_id           TEXT NOT NULL,
  wallet_id         TEXT NOT NULL,
  amount            BIGINT NOT NULL,
  currency          TEXT NOT NULL,
  status            TEXT NOT NULL,
  save_card         BIGINT NOT NULL,
  card_id           TEXT,
  session_id        TEXT,
  checkout_url      TEXT,
  return_url        TEXT,
  charge_id         TEXT,
  transaction_id    TEXT,
  failure_reason    TEXT,
  idempotency_scope TEXT,
  idempotency_key   TEXT,
  request_hash      TEXT,
  created_at        BIGINT NOT NULL,
  completed_at      BIGINT,
  UNIQUE (idempotency_scope, idempotency_key)
);
CREATE INDEX topups_user ON topups(env_id, user_id, created_at, id);

-- cards saved at a checkout: the provider's reusable authorization, never the number
CREATE TABLE cards (
  id                 TEXT PRIMARY KEY,
  env_id             TEXT NOT NULL,
  user_id            TEXT NOT NULL,
  authorization_code TEXT NOT NULL UNIQUE,
  brand              TEXT NOT NULL,
  last4              TEXT NOT NULL,
  exp_month          BIGINT NOT NULL,
  exp_year           BIGINT NOT NULL,
  status             TEXT NOT NULL,
  created_at         BIGINT NOT NULL
);
CREATE INDEX cards_user ON cards(env_id, user_id, created_at);
