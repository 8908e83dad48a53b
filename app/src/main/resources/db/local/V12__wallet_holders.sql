-- Organization wallets: a wallet now says which organization holds it (null: the user's own), so every screen can
-- show the chosen holder's wallets while offline too, and the user's organizations are kept for the holder switcher.
ALTER TABLE wallets ADD COLUMN organization_id TEXT;

CREATE TABLE organizations (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    role     TEXT NOT NULL,
    position INTEGER NOT NULL
);

-- A copy made before wallets knew their holder cannot tell an organization's wallet from the user's own: it is
-- forgotten and the next sync reads the feed again from the start (the outbox is kept).
DELETE FROM transactions;
DELETE FROM wallet_sums;
DELETE FROM wallets;
UPDATE sync_state SET cursor = NULL, seq = 0, synced_at = NULL WHERE id = 1;
