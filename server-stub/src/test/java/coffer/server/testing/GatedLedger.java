package coffer.server.testing;

import coffer.server.db.Database;
import coffer.server.db.DatabaseConfig;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.LedgerSettings;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A ledger on its own database whose writer a {@link WriterGate} can hold; closing it checks the invariants. */
public final class GatedLedger implements AutoCloseable {
    public final WriterGate gate = new WriterGate();
    public final Database database;
    public final LedgerService ledger;

    public GatedLedger(DatabaseConfig config) {
        database = Database.open(config);
        // no sweeper: nothing but the test's own calls reaches the gate
        ledger = new LedgerService(database, gate, LedgerSettings.defaults().withHoldSweepInterval(Duration.ZERO));
    }

    @Override
    public void close() throws Exception {
        gate.open();
        assertThat(ledger.verifyInvariants().violations()).as("ledger invariants").isEmpty();
        ledger.close();
        database.close();
    }
}
