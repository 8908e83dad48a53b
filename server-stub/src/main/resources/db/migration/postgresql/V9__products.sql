-- The product catalogue of each environment: what its users can buy with "pay an order"
-- (POST /api/v1/orders). The price is always taken from here, never from the client; an order itself
-- is the ledger's payment movement to the environment's merchant account (reference = product_id).
-- Kept in step with ../sqlite/V9__products.sql: same tables, columns and meaning.
CREATE TABLE products (
  env_id      TEXT NOT NULL REFERENCES environments(id),
  product_id  TEXT NOT NULL,
  name        TEXT NOT NULL,
  description TEXT,
  price       BIGINT NOT NULL CHECK (price > 0),   -- minor units of currency
  currency    TEXT NOT NULL,                    -- ISO 4217
  active      BOOLEAN NOT NULL DEFAULT TRUE,    -- inactive: not listed, cannot be bought; past orders keep their name
  created_at  BIGINT NOT NULL,
  PRIMARY KEY (env_id, product_id)
);
