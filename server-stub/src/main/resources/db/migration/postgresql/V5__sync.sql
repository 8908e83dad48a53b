-- The change feed (GET /api/v1/sync): every commit that creates or changes a movement or a user
-- wallet appends the row's state as of that commit, stamped with the commit's ledger_clock number.
-- transactions.seq and accounts.seq only keep the latest change, which cannot say what a wallet's
-- balance was at an earlier commit; these append-only versions can, so a sync page that ends at
-- commit N reports balances that agree exactly with the changes up to N.
-- Kept in step with ../sqlite/V5__sync.sql.

CREATE TABLE transaction_versions (
  seq            BIGINT NOT NULL,
  transaction_id TEXT NOT NULL,
  debit_account  TEXT NOT NULL,
  credit_account TEXT NOT NULL,
  status         TEXT NOT NULL,
  amount         BIGINT NOT NULL,
  refunded       BIGINT NOT NULL,
  failure_reason TEXT,
  completed_at   BIGINT,
  PRIMARY KEY (transaction_id, seq)
);
CREATE INDEX transaction_versions_debit ON transaction_versions(debit_account, seq);
CREATE INDEX transaction_versions_credit ON transaction_versions(credit_account, seq);

-- user wallets only: system accounts change with nearly every commit and no user syncs them
CREATE TABLE account_versions (
  seq             BIGINT NOT NULL,
  account_id      TEXT NOT NULL,
  status          TEXT NOT NULL,
  posted          BIGINT NOT NULL,
  pending_debits  BIGINT NOT NULL,
  pending_credits BIGINT NOT NULL,
  PRIMARY KEY (account_id, seq)
);

-- A ledger written before this migration has no versions: its present state becomes one baseline
-- commit at the current clock, so a first sync sees it whole and consistent.
INSERT INTO transaction_versions (seq, transaction_id, debit_account, credit_account, status, amount, refunded,
                                  failure_reason, completed_at)
SELECT (SELECT seq FROM ledger_clock WHERE id = 1), id, debit_account, credit_account, status, amount, refunded,
       failure_reason, completed_at
FROM transactions;

INSERT INTO account_versions (seq, account_id, status, posted, pending_debits, pending_credits)
SELECT (SELECT seq FROM ledger_clock WHERE id = 1), id, status, posted, pending_debits, pending_credits
FROM accounts WHERE user_id IS NOT NULL;
