package coffer.server.ledger;

import coffer.server.db.DatabaseConfig;
import coffer.server.testing.TestDatabases;

class PostgresPaymentLedgerTest extends PaymentLedgerContract {
    @Override
    DatabaseConfig database() {
        return TestDatabases.postgres();
    }
}
