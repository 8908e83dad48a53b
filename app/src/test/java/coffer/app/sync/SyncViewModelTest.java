package coffer.app.sync;

import coffer.app.InProcessServer;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.local.LocalLedger;
import coffer.app.local.SyncEngine;
import coffer.app.wallet.WalletsViewModel;
import coffer.core.api.PaymentTypes.PaymentRequest;
import coffer.core.api.TransactionTypes.TransactionView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static coffer.app.sync.LiveEventsViewModelTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** The server's events drive the local ledger's sync; the screens and the status bar follow it. */
class SyncViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    @TempDir
    Path dir;

    @Test
    void aPaymentAnnouncedByTheServerIsSyncedIntoTheLocalCopyShownAndAnnounced() throws Exception {
        ApiClient bob = SERVER.signedIn(BOB);
        BackgroundExecutor executor = BackgroundExecutor.sameThread();
        try (LocalLedger ledger = LocalLedger.open(dir.resolve("bob.db"));
             SyncViewModel sync = new SyncViewModel(new SyncEngine(bob::sync, bob::transactions, ledger,
                     SyncEngine.Options.DEFAULT, Clock.systemUTC()), executor)) {
            WalletsViewModel wallets = new WalletsViewModel(bob, ledger::wallets, executor);
            LiveEventsViewModel live = new LiveEventsViewModel(bob, executor, sync, wallets::load);
            List<TransactionView> toasted = new CopyOnWriteArrayList<>();
            live.onArrivals(toasted::addAll);
            live.start();
            try {
                assertThat(eventually(() -> sync.check.get() == SyncEngine.Check.OK))
                        .as("the first sync filled the copy: " + sync.status.get()).isTrue();
                assertThat(eventually(() -> !wallets.wallets.isEmpty()
                        && wallets.wallets.get(0).available().equals("1,000.00 USD"))).isTrue();
                assertThat(sync.status.get()).startsWith("Synced at").endsWith("balances checked");

                ApiClient alice = SERVER.signedIn(ALICE);
                alice.pay(UUID.randomUUID().toString(),
                        new PaymentRequest("25.00", "USD", alice.accounts().get(0).id(), BOB, null, null));

                assertThat(eventually(() -> wallets.wallets.get(0).available().equals("1,025.00 USD")))
                        .as("the overview reads the synced copy, now " + wallets.wallets.get(0).available()).isTrue();
                assertThat(eventually(() -> live.announcement.get().equals("Received 25.00 USD from alice@example.com")))
                        .as("announced: " + live.announcement.get()).isTrue();
                assertThat(toasted).as("told once, for the toast").singleElement()
                        .satisfies(t -> assertThat(t.amount()).isEqualTo("25.00"));
                assertThat(ledger.mismatches()).isEmpty();
            } finally {
                live.stop();
            }
        }
    }

    @Test
    void aFailedSyncSaysSoInTheStatusLine() {
        ApiClient nowhere = ApiClient.create("http://127.0.0.1:9");
        try (LocalLedger ledger = LocalLedger.open(dir.resolve("nowhere.db"));
             SyncViewModel sync = new SyncViewModel(new SyncEngine(nowhere::sync, nowhere::transactions, ledger,
                     new SyncEngine.Options(1000, 1, Duration.ZERO), Clock.systemUTC()), BackgroundExecutor.sameThread())) {
            sync.request();

            assertThat(sync.syncing.get()).isFalse();
            assertThat(sync.status.get()).startsWith("Not synced: ").contains("cannot be reached");
            assertThat(ledger.state().cursor()).isNull();
        }
    }
}
