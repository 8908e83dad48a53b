-- The wallet changes of V18, filled from what they replace, which goes (issue 16).

-- Fill it from the version tables it replaces. A movement version gets a row on each side that is a
-- user wallet, with the wallet as the latest wallet version at or before that commit left it.
INSERT INTO wallet_changes (account_id, seq, transaction_id, movement_created, wallet_changed, status, posted,
                            pending_debits, pending_credits)
SELECT s.account_id, s.seq, s.transaction_id,
       CASE WHEN s.seq = (SELECT MIN(f.seq) FROM transaction_versions f WHERE f.transaction_id = s.transaction_id)
            THEN 1 ELSE 0 END,
       CASE WHEN EXISTS (SELECT 1 FROM account_versions e WHERE e.account_id = s.account_id AND e.seq = s.seq)
            THEN 1 ELSE 0 END,
       COALESCE(w.status, a.status), COALESCE(w.posted, a.posted), COALESCE(w.pending_debits, a.pending_debits),
       COALESCE(w.pending_credits, a.pending_credits)
FROM (SELECT v.debit_account AS account_id, v.seq, v.transaction_id FROM transaction_versions v
      UNION ALL
      SELECT v.credit_account, v.seq, v.transaction_id FROM transaction_versions v) s
JOIN accounts a ON a.id = s.account_id AND a.user_id IS NOT NULL
LEFT JOIN account_versions w ON w.account_id = s.account_id AND w.seq =
      (SELECT MAX(x.seq) FROM account_versions x WHERE x.account_id = s.account_id AND x.seq <= s.seq);

-- Wallet versions no movement version shares (a wallet opened, locked, unlocked, closed).
INSERT INTO wallet_changes (account_id, seq, transaction_id, movement_created, wallet_changed, status, posted,
                            pending_debits, pending_credits)
SELECT w.account_id, w.seq, '', 0, 1, w.status, w.posted, w.pending_debits, w.pending_credits
FROM account_versions w
WHERE NOT EXISTS (SELECT 1 FROM wallet_changes c WHERE c.account_id = w.account_id AND c.seq = w.seq);

-- The KYC limit's boundary minute is read movement by movement. Without the (debit_account,
-- created_at) index, it reads the holder's wallet changes between the first and the last commit that
-- started a movement counting in that minute: each sum keeps that range of commits.
ALTER TABLE holder_outgoing ADD COLUMN first_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE holder_outgoing ADD COLUMN last_seq BIGINT NOT NULL DEFAULT 0;
UPDATE holder_outgoing SET
  first_seq = COALESCE((SELECT MIN(v.seq) FROM transactions t JOIN accounts a ON a.id = t.debit_account
                        JOIN transaction_versions v ON v.transaction_id = t.id
                        WHERE a.user_id = holder_outgoing.holder_id AND t.currency = holder_outgoing.currency
                          AND t.created_at / 60000 = holder_outgoing.minute), 0),
  last_seq = COALESCE((SELECT MAX(v.seq) FROM transactions t JOIN accounts a ON a.id = t.debit_account
                       JOIN transaction_versions v ON v.transaction_id = t.id
                       WHERE a.user_id = holder_outgoing.holder_id AND t.currency = holder_outgoing.currency
                         AND t.created_at / 60000 = holder_outgoing.minute), 0);

-- What the wallet changes replace.
DROP INDEX transactions_debit;
DROP INDEX transactions_credit;
DROP INDEX transaction_versions_debit;
DROP INDEX transaction_versions_credit;
DROP TABLE account_versions;
