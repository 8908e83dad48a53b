-- Approvals (issue 18): a payment from an organization's wallet above the organization's approval
-- threshold holds its money until another owner or admin decides. `approval` is 'none' (no approval
-- needed), 'pending', 'approved' or 'rejected'; `decided_by` is the owner or admin who decided.
ALTER TABLE payments ADD COLUMN approval TEXT NOT NULL DEFAULT 'none';
ALTER TABLE payments ADD COLUMN decided_by TEXT;
