package coffer.server.ledger;

import coffer.server.db.DatabaseConfig;
import coffer.server.testing.TestDatabases;

class PostgresLedgerConcurrencyTest extends LedgerConcurrencyContract {
    @Override
    DatabaseConfig database() {
        return TestDatabases.postgres();
    }
}
