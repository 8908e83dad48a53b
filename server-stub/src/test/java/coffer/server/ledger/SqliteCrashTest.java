package coffer.server.ledger;

import coffer.core.error.ErrorCode;
import coffer.server.db.DatabaseConfig;
import coffer.server.ledger.TransferWorker.Funded;
import coffer.server.ledger.TransferWorker.Payment;
import coffer.server.ledger.TransferWorker.Plan;
import coffer.server.ledger.TransferWorker.Transcript;
import coffer.server.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server on SQLite killed at random moments, again and again, loses nothing it acknowledged and
 * never moves a client's payment twice, even when the client retries a payment it got no answer for.
 */
class SqliteCrashTest {
    private static final int ROUNDS = 4;

    @TempDir
    Path folder;

    @Test
    @Timeout(120)
    void acknowledgedPaymentsSurviveKillsAndRetriesMoveMoneyOnce() throws Exception {
        DatabaseConfig config = TestDatabases.sqlite(folder);
        Funded funded = Funded.wallets(config, 4, "100.00");

        Transcript transcript = new Transcript();
        Random random = new Random();
        for (int round = 1; round <= ROUNDS; round++) {
            Plan plan = new Plan("r" + round, 3, 0, round, false, funded.wallets());
            try (TransferWorker worker = TransferWorker.start(config.jdbcUrl(), plan, folder.resolve("worker-" + round + ".log"), transcript)) {
                worker.awaitReady();
                worker.go();
                worker.readAcknowledgements(1 + random.nextInt(300));
                assertThat(worker.isAlive()).as("worker of round %d still paying; its stderr:%n%s", round, worker.stderr()).isTrue();
                worker.kill();
                // whatever it acknowledged before it died counts too
                worker.readToEnd();
            }
        }
        assertThat(transcript.acknowledged).as("payments acknowledged over %d rounds", ROUNDS).hasSizeGreaterThanOrEqualTo(ROUNDS);

        try (LedgerFixture f = new LedgerFixture(config)) {
            transcript.acknowledgedMovements(f.ledger);

            // the client retries everything it sent, answered or not, with the same keys
            List<Movement> moved = new ArrayList<>();
            for (Payment payment : transcript.sent.values()) {
                Outcome<Movement> retry = payment.send(f.ledger);
                String acknowledged = transcript.acknowledged.get(payment.key());
                if (acknowledged != null) {
                    assertThat(retry.replayed()).as("retry of acknowledged %s", payment.key()).isTrue();
                    assertThat(retry.orThrow().id()).isEqualTo(acknowledged);
                } else if (!retry.isOk()) {
                    assertThat(retry.result().errorCode()).as("retry of %s", payment.key()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
                }
                if (retry.isOk()) {
                    moved.add(retry.orThrow());
                }
            }
            funded.assertLedgerHoldsExactly(f, moved);
        }
    }
}
