-- Money out through the provider: saved bank accounts, payouts (withdrawals and settlements), settlement
-- schedules, and the table of the scheduling library that runs the schedules.
-- Kept in step with ../postgresql/V7__payouts.sql: same tables, columns and meaning.

-- A user's bank accounts, as the provider resolved them. The full number is kept because payouts need
-- it; answers show only the last four digits. Removing an account keeps the row (payouts point at it).
CREATE TABLE bank_accounts (
  id             TEXT PRIMARY KEY,
  env_id         TEXT NOT NULL REFERENCES environments(id),
  user_id        TEXT NOT NULL REFERENCES users(id),
  bank_code      TEXT NOT NULL,
  account_number TEXT NOT NULL,
  account_last4  TEXT NOT NULL,
  holder_name    TEXT NOT NULL,      -- the name the provider resolved
  created_at     INTEGER NOT NULL,
  removed_at     INTEGER
);
CREATE INDEX bank_accounts_owner ON bank_accounts(env_id, user_id, created_at);
-- one saved copy of an account per user
CREATE UNIQUE INDEX bank_accounts_one_active ON bank_accounts(user_id, bank_code, account_number) WHERE removed_at IS NULL;

-- Withdrawals and settlements: money held in the wallet (a ledger hold toward provider clearing) and
-- paid out by the provider; the hold is captured when the payout succeeds and voided when it fails.
-- The money itself is the hold's movement (hold_id); this row is what the provider was asked and said.
CREATE TABLE payouts (
  id                 TEXT PRIMARY KEY,   -- wdr_... or stl_...; the provider's reference
  kind               TEXT NOT NULL,      -- withdrawal | settlement
  env_id             TEXT NOT NULL REFERENCES environments(id),
  user_id            TEXT NOT NULL REFERENCES users(id),
  wallet_id          TEXT NOT NULL,
  bank_account_id    TEXT REFERENCES bank_accounts(id),  -- null: the user gives it on the provider's page
  schedule_id        TEXT,               -- the settlement schedule that made it, if any
  amount_minor       INTEGER NOT NULL,
  currency           TEXT NOT NULL,
  status             TEXT NOT NULL,      -- pending | succeeded | failed
  hold_id            TEXT NOT NULL,
  transaction_id     TEXT NOT NULL,      -- the hold's movement: its status is the money's truth
  provider_payout_id TEXT,
  url                TEXT,               -- the provider's payout page, for a withdrawal without a bank account
  description        TEXT,
  failure_reason     TEXT,
  idem_scope         TEXT,               -- the caller's Idempotency-Key and its scope, if one was sent
  idem_key           TEXT,
  request_hash       TEXT,               -- what was asked with that key, to tell a replay from a reuse
  created_at         INTEGER NOT NULL,
  finished_at        INTEGER
);
CREATE UNIQUE INDEX payouts_idempotency ON payouts(idem_scope, idem_key);
-- a user's withdrawals or settlements, newest first
CREATE INDEX payouts_owner ON payouts(env_id, user_id, kind, created_at, id);

-- Recurring settlements. Runs are executed by the scheduling library (scheduled_tasks below, one task
-- instance per active schedule); next_settlement mirrors the instance's next execution time for answers.
CREATE TABLE settlement_schedules (
  id              TEXT PRIMARY KEY,
  env_id          TEXT NOT NULL REFERENCES environments(id),
  user_id         TEXT NOT NULL REFERENCES users(id),
  wallet_id       TEXT NOT NULL,
  bank_account_id TEXT NOT NULL REFERENCES bank_accounts(id),
  frequency       TEXT NOT NULL,         -- daily | weekly | monthly
  currency        TEXT NOT NULL,
  minimum_minor   INTEGER NOT NULL,      -- a run settles nothing below this
  amount_minor    INTEGER,               -- a fixed amount per run; null: the whole available balance
  is_active       INTEGER NOT NULL,      -- 0 once deleted (deactivated)
  next_settlement INTEGER,
  last_run_at     INTEGER,
  last_outcome    TEXT,                  -- settled | skipped | refused: CODE
  created_at      INTEGER NOT NULL
);
CREATE INDEX settlement_schedules_owner ON settlement_schedules(env_id, user_id, created_at);

-- db-scheduler's table (com.github.kagkarlsson:db-scheduler 16.x), as its documentation gives it.
CREATE TABLE scheduled_tasks (
  task_name            TEXT NOT NULL,
  task_instance        TEXT NOT NULL,
  task_data            BLOB,
  execution_time       TIMESTAMP NOT NULL,
  picked               BOOLEAN NOT NULL,
  picked_by            TEXT,
  last_success         TIMESTAMP,
  last_failure         TIMESTAMP,
  consecutive_failures INT,
  last_heartbeat       TIMESTAMP,
  version              BIGINT NOT NULL,
  priority             SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks(execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks(last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks(priority DESC, execution_time ASC);
