-- The history indexes again, ascending. Movements arrive newest last, so a descending index took every
-- insert at its left edge, where SQLite splits pages in half and leaves them half full: the three indexes
-- were about 45 % larger than their ascending twins and a full sync wrote that much more. SQLite walks an
-- ascending index backwards for ORDER BY created_at DESC, id DESC, so no query needs a sort.
DROP INDEX transactions_from_created;
DROP INDEX transactions_to_created;
DROP INDEX transactions_created;
CREATE INDEX transactions_from_created ON transactions (from_wallet, created_at, id);
CREATE INDEX transactions_to_created ON transactions (to_wallet, created_at, id);
CREATE INDEX transactions_created ON transactions (created_at, id);
