package coffer.app.home;

import coffer.app.InProcessServer;
import coffer.app.Payments;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.history.LocalHistorySource;
import coffer.app.local.LocalLedger;
import coffer.app.local.SyncEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Home read from the local copy of the ledger shows the user's money and movements while the server is down. */
class LocalHomeViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    @TempDir
    Path dir;

    @Test
    void homeShowsTheSyncedTotalsAndMovementsWithNoServer() throws Exception {
        ApiClient alice = SERVER.signedIn(ALICE);
        alice.openAccount("EUR");
        Payments.completed(alice, BOB, "25.00", "Lunch");
        try (LocalLedger ledger = LocalLedger.open(dir.resolve("ledger.db"))) {
            new SyncEngine(alice::sync, alice::transactions, ledger, SyncEngine.Options.DEFAULT, Clock.systemUTC()).sync();
            SERVER.stop();
            try {
                HomeViewModel home = new HomeViewModel(new LocalHistorySource(ledger), BackgroundExecutor.sameThread(),
                        ZoneId.systemDefault(), action -> { });

                home.load();

                assertThat(home.error.get()).isEmpty();
                assertThat(home.totals).extracting(CurrencyTotal::amount, CurrencyTotal::wallets)
                        .containsExactly(tuple("0.00 EUR", "in 1 wallet"), tuple("975.00 USD", "in 1 wallet"));
                assertThat(home.recent).extracting(RecentMovement::kind, RecentMovement::with, RecentMovement::amount).containsExactly(
                        tuple("Sent to a person", BOB, "-25.00 USD"), tuple("Top-up", "Opening balance", "+1,000.00 USD"));
            } finally {
                SERVER.startAgain();
            }
        }
    }
}
