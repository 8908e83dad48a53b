-- Organization wallets (issue 18). An organization is a holder like a user: it has a row of `users`
-- (id `org_...`, no email, no password, the KYC status and tier its creator had), so its wallets, its
-- KYC limits and its rolling daily total work as a user's do and count what every member spends from
-- them. Its members act for it with one role each.
CREATE TABLE organizations (
  id                 TEXT   PRIMARY KEY REFERENCES users(id),
  env_id             TEXT   NOT NULL REFERENCES environments(id),
  name               TEXT   NOT NULL,
  currency           TEXT   NOT NULL,  -- its first wallet's: the approval threshold's currency
  approval_threshold BIGINT,           -- minor units, NULL when none is set
  created_by         TEXT   NOT NULL REFERENCES users(id),
  created_at         BIGINT NOT NULL
);

CREATE TABLE organization_members (
  organization_id TEXT   NOT NULL REFERENCES organizations(id),
  user_id         TEXT   NOT NULL REFERENCES users(id),
  role            TEXT   NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
  added_at        BIGINT NOT NULL,
  PRIMARY KEY (organization_id, user_id)
);
-- a user's organizations, for the wallets, history and change feed they see
CREATE INDEX organization_members_user ON organization_members(user_id, organization_id);

-- the member who moved money out of an organization's wallet; NULL for a holder's own movements
ALTER TABLE transactions ADD COLUMN initiated_by TEXT;
