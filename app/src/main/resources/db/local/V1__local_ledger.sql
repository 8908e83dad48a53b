-- The app's copy of one user's ledger, kept by GET /api/v1/sync.

-- where the copy stands: one row
CREATE TABLE sync_state (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    cursor      TEXT,               -- the server's sealed cursor after the last applied page; NULL = never synced
    seq         INTEGER NOT NULL,   -- the commit number that page ended at
    synced_at   TEXT                -- ISO-8601 instant of the last successful sync
);
INSERT INTO sync_state (id, cursor, seq, synced_at) VALUES (1, NULL, 0, NULL);

-- the user's wallets as the server last reported them (balances in minor units)
CREATE TABLE wallets (
    id                 TEXT PRIMARY KEY,
    currency           TEXT NOT NULL,
    posted_minor       INTEGER NOT NULL,
    available_minor    INTEGER NOT NULL,
    pending_minor      INTEGER NOT NULL,
    status             TEXT NOT NULL,
    seq                INTEGER NOT NULL
);

-- movements touching the user's wallets, stored side-free: money goes from from_wallet to to_wallet
-- (NULL for a system account); a screen shows each from the side of the wallet it looks at
CREATE TABLE transactions (
    id                      TEXT PRIMARY KEY,
    kind                    TEXT NOT NULL,
    status                  TEXT NOT NULL,
    amount_minor            INTEGER NOT NULL CHECK (amount_minor > 0),
    currency                TEXT NOT NULL,
    from_wallet             TEXT,
    to_wallet               TEXT,
    counterparty            TEXT,   -- as the server named the other side, seen from the user's side
    description             TEXT,
    reference               TEXT,
    created_at              TEXT NOT NULL,   -- UTC, fixed width (nanoseconds), so text order is time order
    completed_at            TEXT,
    failure_reason          TEXT,
    seq                     INTEGER NOT NULL
);
CREATE INDEX transactions_from_created ON transactions (from_wallet, created_at DESC, id DESC);
CREATE INDEX transactions_to_created ON transactions (to_wallet, created_at DESC, id DESC);
CREATE INDEX transactions_created ON transactions (created_at DESC, id DESC);
-- balances are derived from the movements after each sync: these cover the sums without touching the rows
CREATE INDEX transactions_from_balance ON transactions (from_wallet, status, amount_minor);
CREATE INDEX transactions_to_balance ON transactions (to_wallet, status, amount_minor);
