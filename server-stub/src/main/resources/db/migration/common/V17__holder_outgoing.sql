-- What each holder sent to others, per currency and per minute of the movements' creation (issue 16).
-- The KYC daily limit counts a holder's outgoing movements of the last 24 hours; summing them from
-- `transactions` on every payment read every movement the holder made that day, so a busy payer's
-- payments got slower as the day went on. The writer keeps these sums as it writes the movements
-- (kinds withdrawal, payment, p2p and settlement, while pending, processing or completed, to a wallet
-- that is not the holder's own), and a limit check reads at most 1,440 of them plus the movements of
-- the one minute the 24-hour window starts in.
CREATE TABLE holder_outgoing (
  holder_id TEXT   NOT NULL,
  currency  TEXT   NOT NULL,
  minute    BIGINT NOT NULL,
  amount    BIGINT NOT NULL,
  PRIMARY KEY (holder_id, currency, minute)
);

INSERT INTO holder_outgoing (holder_id, currency, minute, amount)
SELECT a.user_id, a.currency, t.created_at / 60000, SUM(t.amount)
FROM transactions t JOIN accounts a ON a.id = t.debit_account
WHERE a.user_id IS NOT NULL
  AND t.kind IN ('withdrawal', 'payment', 'p2p', 'settlement')
  AND t.status IN ('pending', 'processing', 'completed')
  AND NOT EXISTS (SELECT 1 FROM accounts r WHERE r.id = t.credit_account AND r.user_id = a.user_id)
GROUP BY a.user_id, a.currency, t.created_at / 60000;
