package coffer.server.ledger;

import coffer.server.db.DatabaseConfig;
import coffer.server.testing.TestDatabases;

class PostgresLedgerServiceTest extends LedgerServiceContract {
    @Override
    DatabaseConfig database() {
        return TestDatabases.postgres();
    }
}
