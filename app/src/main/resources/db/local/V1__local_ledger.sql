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

-- each wallet's sums over the stored movements, so the balance check after a sync reads a few rows instead of
-- summing them all: posted = posted_in - posted_out (completed and reversed), pending = pending_out (pending
-- and processing). A new row is added by the app (LocalLedger, once per page and wallet: a trigger per row
-- would halve the speed of a full sync); any change or removal of a row, whoever makes it, by the triggers below
CREATE TABLE wallet_sums (
    wallet       TEXT PRIMARY KEY,
    posted_in    INTEGER NOT NULL DEFAULT 0,
    posted_out   INTEGER NOT NULL DEFAULT 0,
    pending_out  INTEGER NOT NULL DEFAULT 0
);

CREATE TRIGGER transactions_sums_delete AFTER DELETE ON transactions BEGIN
    UPDATE wallet_sums SET posted_in = posted_in - OLD.amount_minor
        WHERE wallet = OLD.to_wallet AND OLD.status IN ('completed', 'reversed');
    UPDATE wallet_sums SET posted_out = posted_out - OLD.amount_minor
        WHERE wallet = OLD.from_wallet AND OLD.status IN ('completed', 'reversed');
    UPDATE wallet_sums SET pending_out = pending_out - OLD.amount_minor
        WHERE wallet = OLD.from_wallet AND OLD.status IN ('pending', 'processing');
END;

CREATE TRIGGER transactions_sums_update AFTER UPDATE ON transactions BEGIN
    UPDATE wallet_sums SET posted_in = posted_in - OLD.amount_minor
        WHERE wallet = OLD.to_wallet AND OLD.status IN ('completed', 'reversed');
    UPDATE wallet_sums SET posted_out = posted_out - OLD.amount_minor
        WHERE wallet = OLD.from_wallet AND OLD.status IN ('completed', 'reversed');
    UPDATE wallet_sums SET pending_out = pending_out - OLD.amount_minor
        WHERE wallet = OLD.from_wallet AND OLD.status IN ('pending', 'processing');
    INSERT INTO wallet_sums (wallet, posted_in) SELECT NEW.to_wallet, NEW.amount_minor
        WHERE NEW.to_wallet IS NOT NULL AND NEW.status IN ('completed', 'reversed')
        ON CONFLICT (wallet) DO UPDATE SET posted_in = posted_in + excluded.posted_in;
    INSERT INTO wallet_sums (wallet, posted_out) SELECT NEW.from_wallet, NEW.amount_minor
        WHERE NEW.from_wallet IS NOT NULL AND NEW.status IN ('completed', 'reversed')
        ON CONFLICT (wallet) DO UPDATE SET posted_out = posted_out + excluded.posted_out;
    INSERT INTO wallet_sums (wallet, pending_out) SELECT NEW.from_wallet, NEW.amount_minor
        WHERE NEW.from_wallet IS NOT NULL AND NEW.status IN ('pending', 'processing')
        ON CONFLICT (wallet) DO UPDATE SET pending_out = pending_out + excluded.pending_out;
END;
