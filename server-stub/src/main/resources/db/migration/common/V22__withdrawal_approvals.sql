-- Approvals of withdrawals (issue 18): a withdrawal a member makes from an organization's wallet above the
-- organization's approval threshold holds its money until another owner or admin decides, as a payment
-- does (V21); the provider is asked only once it is approved. `approval` is 'none' (no approval needed),
-- 'pending', 'approved' or 'rejected'; `decided_by` is the owner or admin who decided; `return_url` is where
-- the provider's payout page, made once approved, sends the user (null: Coffer's own page).
ALTER TABLE payouts ADD COLUMN approval TEXT NOT NULL DEFAULT 'none';
ALTER TABLE payouts ADD COLUMN decided_by TEXT;
ALTER TABLE payouts ADD COLUMN return_url TEXT;
