-- who set a wallet's current status (USER, PARTNER, OPERATOR): a lock or suspension stands against
-- weaker actors, so a user cannot lift the partner's lock. Existing restricted wallets take the actor
-- of their latest audited status change.
ALTER TABLE accounts ADD COLUMN status_set_by TEXT;

UPDATE accounts SET status_set_by = (
    SELECT CASE WHEN l.actor LIKE 'operator%' THEN 'OPERATOR'
                WHEN l.actor LIKE 'partner%' THEN 'PARTNER'
                ELSE 'USER' END
      FROM audit_log l
     WHERE l.subject_type = 'wallet' AND l.subject_id = accounts.id AND l.field = 'status'
     ORDER BY l.id DESC LIMIT 1)
 WHERE status <> 'active';
