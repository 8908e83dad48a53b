package coffer.server.ledger;

import coffer.core.error.ErrorCode;
import coffer.server.db.DatabaseConfig;
import coffer.server.ledger.TransferWorker.Funded;
import coffer.server.ledger.TransferWorker.Plan;
import coffer.server.ledger.TransferWorker.Transcript;
import coffer.server.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server processes on one PostgreSQL database paying between the same wallets, each pair in
 * opposite directions at once (A to B in one, B to A in the other) so their row locks cross: neither
 * deadlocks, overdraws or loses money, and the ledger holds exactly the payments they acknowledged.
 */
class PostgresTwoServersTest {
    @TempDir
    Path logs;

    @Test
    @Timeout(180)
    void twoProcessesPayingAcrossTheSameWalletsKeepTheLedgerExact() throws Exception {
        DatabaseConfig config = TestDatabases.postgres();
        Funded funded = Funded.wallets(config, 4, "100.00");

        Transcript transcript = new Transcript();
        // one seed, one of them reversed: every payment one makes, the other makes the other way round
        try (TransferWorker a = TransferWorker.start(config.jdbcUrl(), new Plan("a", 4, 150, 7, false, funded.wallets()), logs.resolve("a.log"), transcript);
             TransferWorker b = TransferWorker.start(config.jdbcUrl(), new Plan("b", 4, 150, 7, true, funded.wallets()), logs.resolve("b.log"), transcript)) {
            a.awaitReady();
            b.awaitReady();
            a.go();
            b.go();
            a.readToEnd();
            b.readToEnd();
            assertThat(a.awaitExit()).as("worker a exit code; its stderr:%n%s", a.stderr()).isZero();
            assertThat(b.awaitExit()).as("worker b exit code; its stderr:%n%s", b.stderr()).isZero();
        }
        assertThat(transcript.done).isEqualTo(2);
        assertThat(transcript.acknowledged.size() + transcript.refused.size()).as("every payment answered")
                .isEqualTo(transcript.sent.size()).isEqualTo(2 * 4 * 150);
        assertThat(transcript.refused.values()).as("the only reason to refuse is a lack of money")
                .isSubsetOf(ErrorCode.INSUFFICIENT_BALANCE);

        try (LedgerFixture f = new LedgerFixture(config)) {
            List<Movement> moved = transcript.acknowledgedMovements(f.ledger);
            funded.assertLedgerHoldsExactly(f, moved);
        }
    }
}
