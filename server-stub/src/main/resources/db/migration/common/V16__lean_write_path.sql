-- The write path's indexes, trimmed to those a query reads (issue 16). Each index entry a transfer
-- writes is a B-tree page the commit has to write to the log, and most of a commit's cost on a durable
-- database is those pages, not the rows themselves.
--
-- accounts.seq and transactions.seq keep the commit that last changed the row, but no query has ever
-- looked them up by it: the change feed reads the version tables (V5). Their indexes only cost writes.
DROP INDEX accounts_seq;
DROP INDEX transactions_seq;

-- Postings are read only by `verify`, which reads them all at once (sums per account and per
-- movement); per-row lookups by account or by movement never happen, so their indexes go.
DROP INDEX postings_account;
DROP INDEX postings_transaction;

-- Only refunds and reversals name an original movement; the index keeps those and no longer an entry
-- for every other movement's empty original_id.
DROP INDEX transactions_original;
CREATE INDEX transactions_original ON transactions (original_id) WHERE original_id IS NOT NULL;
