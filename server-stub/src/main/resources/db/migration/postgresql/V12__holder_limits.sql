-- KYC limits count the holder (issue 14). A top-up still open at the provider counts against its
-- holder's maximum balance until its checkout expires (expires_at, epoch ms; NULL while the provider
-- has not answered, and for a saved card's charge). A paid top-up that the ledger refused (over the
-- maximum, say) is failed and its money sent back to the card: return_to_card is 'due' until the
-- provider confirms the refund, then 'done'; such a top-up is never credited afterwards.
-- Kept in step with ../sqlite/V12__holder_limits.sql: same columns and meaning.
ALTER TABLE topups ADD COLUMN expires_at BIGINT;
ALTER TABLE topups ADD COLUMN return_to_card TEXT;
