package coffer.server.ledger;

import coffer.server.db.DatabaseConfig;
import coffer.server.testing.TestDatabases;

class PostgresChangeFeedTest extends ChangeFeedContract {
    @Override
    DatabaseConfig database() {
        return TestDatabases.postgres();
    }
}
