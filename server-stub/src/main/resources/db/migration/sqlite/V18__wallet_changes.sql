-- One index per wallet (issue 16). Each wallet's history, change feed and balances as of a commit were
-- read from five structures: the movements' (debit_account, created_at) and (credit_account, created_at)
-- indexes, the movement versions' (debit_account, seq) and (credit_account, seq) indexes, and the wallet
-- versions. Each kept its own insertion point per wallet, so a commit wrote a B-tree page per wallet it
-- touched in each of them: most of what a transfer cost the disk. They become one table, in one order.
--
-- wallet_changes: a row for each user wallet in each commit that changed it or one of its movements.
--   transaction_id    the movement whose version the commit wrote, or '' when only the wallet changed
--   movement_created  1 on the row of the commit that created the movement (history lists these)
--   wallet_changed    1 when the commit changed the wallet itself (its balances or status)
--   status .. pending_credits  the wallet as that commit left it
CREATE TABLE wallet_changes (
  account_id       TEXT    NOT NULL,
  seq              BIGINT  NOT NULL,
  transaction_id   TEXT    NOT NULL,
  movement_created INTEGER NOT NULL,
  wallet_changed   INTEGER NOT NULL,
  status           TEXT    NOT NULL,
  posted           BIGINT  NOT NULL,
  pending_debits   BIGINT  NOT NULL,
  pending_credits  BIGINT  NOT NULL,
  PRIMARY KEY (account_id, seq, transaction_id)
) WITHOUT ROWID;

-- V19 (common to both dialects) fills it and drops what it replaces.
