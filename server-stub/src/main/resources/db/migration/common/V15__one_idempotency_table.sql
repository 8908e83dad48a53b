-- Payouts and top-ups kept their Idempotency-Keys in their own rows; from now on every key lives in
-- idempotency_keys, whichever surface took it, the answer being the payout's or top-up's id. Keys taken
-- before the upgrade move there, with their request as it was written then (the server still compares
-- such values the old way), so a client retrying such a request still gets its replay. Should one
-- scope have used one key both for a ledger call and for a payout or top-up, the ledger's row stays:
-- a key names one request.
-- The old columns (payouts.idem_scope, idem_key, request_hash; topups.idempotency_scope,
-- idempotency_key, request_hash) are no longer written.
INSERT INTO idempotency_keys (scope, idem_key, request_hash, response, created_at)
SELECT idem_scope, idem_key, request_hash, id, created_at FROM payouts
WHERE idem_scope IS NOT NULL AND idem_key IS NOT NULL AND request_hash IS NOT NULL
ON CONFLICT (scope, idem_key) DO NOTHING;

INSERT INTO idempotency_keys (scope, idem_key, request_hash, response, created_at)
SELECT idempotency_scope, idempotency_key, request_hash, id, created_at FROM topups
WHERE idempotency_scope IS NOT NULL AND idempotency_key IS NOT NULL AND request_hash IS NOT NULL
ON CONFLICT (scope, idem_key) DO NOTHING;
