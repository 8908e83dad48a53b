package coffer.app.sync;

import coffer.app.InProcessServer;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.local.LocalLedger;
import coffer.app.local.SyncEngine;
import coffer.core.api.PaymentTypes.PaymentRequest;
import coffer.core.api.TransactionTypes.TransactionView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/** Server events drive the local sync; only money that arrives after sign-in is announced. */
class LiveEventsViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    @TempDir
    Path dir;

    /** Polls until {@code condition} holds; the event stream delivers on its own thread. */
    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(25);
        }
        return condition.getAsBoolean();
    }

    @Test
    void moneyThatArrivedBeforeSignInIsNotAnnouncedAndTheScreenRefreshesOnlyWhenSomethingChanged() throws Exception {
        ApiClient alice = SERVER.signedIn(ALICE);
        ApiClient bob = SERVER.signedIn(BOB);
        // money that reached alice before she signs in: in the copy, never announced
        bob.pay(UUID.randomUUID().toString(), new PaymentRequest("5.00", "USD", bob.accounts().get(0).id(), ALICE, null, null));
        BackgroundExecutor executor = BackgroundExecutor.sameThread();
        AtomicInteger refreshes = new AtomicInteger();
        try (LocalLedger ledger = LocalLedger.open(dir.resolve("alice.db"));
             SyncViewModel sync = new SyncViewModel(new SyncEngine(alice::sync, alice::transactions, ledger,
                     SyncEngine.Options.DEFAULT, Clock.systemUTC()), executor)) {
            LiveEventsViewModel live = new LiveEventsViewModel(alice, executor, sync, refreshes::incrementAndGet);
            List<TransactionView> toasted = new CopyOnWriteArrayList<>();
            live.onArrivals(toasted::addAll);
            live.start();
            try {
                assertThat(eventually(live::caughtUp)).isTrue();
                assertThat(live.announcement.get()).isEmpty();
                assertThat(toasted).as("money that arrived before sign-in is not toasted").isEmpty();
                int afterCatchUp = refreshes.get();
                assertThat(afterCatchUp).as("the screen refreshed once the copy caught up").isEqualTo(1);

                sync.request();
                assertThat(refreshes.get()).as("a sync that found nothing new leaves the screen alone").isEqualTo(afterCatchUp);
                assertThat(live.announcement.get()).isEmpty();
            } finally {
                live.stop();
            }
        }
    }
}
