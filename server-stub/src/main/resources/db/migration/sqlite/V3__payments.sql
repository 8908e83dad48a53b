-- Payments of the user API (seed 003): P2P payments to an email or a wallet id.
-- Kept in step with ../postgresql/V3__payments.sql: same tables, columns and meaning.
--
-- A payment is a two-phase ledger movement: accepting it places a hold on the payer's wallet toward
-- the recipient's wallet, and the payment processor later captures (completed) or voids (failed) it.
-- Its status, amount, times and failure reason are the movement's (transactions row), so the ledger
-- stays the one source of truth; this table adds only what a payment has beyond the movement.
CREATE TABLE payments (
  id             TEXT PRIMARY KEY,
  env_id         TEXT NOT NULL REFERENCES environments(id),
  user_id        TEXT NOT NULL REFERENCES users(id),  -- the payer
  transaction_id TEXT NOT NULL UNIQUE,                -- the movement (and its hold)
  destination    TEXT NOT NULL,                       -- as the payer gave it: an email or a wallet id
  created_at     INTEGER NOT NULL
);
-- a payer's payments, newest first, with a cursor on (created_at, id)
CREATE INDEX payments_payer ON payments(env_id, user_id, created_at, id);

-- movements still in flight, so the processor finds unfinished payments after a restart without
-- reading the whole history
CREATE INDEX transactions_unfinished ON transactions(created_at, id) WHERE status IN ('pending', 'processing');
