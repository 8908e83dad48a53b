package coffer.server.ledger;

import coffer.server.db.DatabaseConfig;
import coffer.server.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqlitePaymentLedgerTest extends PaymentLedgerContract {
    @TempDir
    Path folder;

    @Override
    DatabaseConfig database() {
        return TestDatabases.sqlite(folder);
    }
}
