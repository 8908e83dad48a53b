-- Identity verification (KYC) submissions. The user's status and tier stay on users (changed, and
-- audited, by the ledger); this table keeps what was submitted and what was decided. Only the last four
-- characters of the document number are stored: the verifier needs no more, and a leak exposes no more.
CREATE TABLE kyc_submissions (
  id             TEXT PRIMARY KEY,
  env_id         TEXT NOT NULL REFERENCES environments(id),
  user_id        TEXT NOT NULL REFERENCES users(id),
  full_name      TEXT NOT NULL,
  date_of_birth  TEXT NOT NULL,   -- ISO-8601 date
  country        TEXT NOT NULL,   -- ISO 3166-1 alpha-2
  document_type  TEXT NOT NULL,   -- passport | id_card | driving_license
  document_last4 TEXT NOT NULL,
  status         TEXT NOT NULL,   -- pending | verified | rejected
  reason         TEXT,
  submitted_at   BIGINT NOT NULL,
  decided_at     BIGINT
);
CREATE INDEX kyc_submissions_user ON kyc_submissions(user_id, submitted_at);
-- at most one submission under review per user, even with several server processes
CREATE UNIQUE INDEX kyc_submissions_one_pending ON kyc_submissions(user_id) WHERE status = 'pending';
