package coffer.app.sync;

import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.InProcessServer;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.wallet.WalletRow;
import coffer.app.wallet.WalletsViewModel;
import coffer.core.api.PaymentTypes.PaymentRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LiveEventsViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

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

    private static String firstAvailable(WalletsViewModel wallets) {
        return wallets.wallets().isEmpty() ? "" : wallets.wallets().get(0).available();
    }

    @Test
    void whenAnotherUserPaysTheOverviewUpdatesWithoutARefreshAndTheMoneyIsAnnounced() throws Exception {
        ApiClient bob = SERVER.signedIn(BOB);
        WalletsViewModel wallets = new WalletsViewModel(bob, BackgroundExecutor.sameThread());
        wallets.load();
        assertThat(wallets.wallets()).extracting(WalletRow::available).containsExactly("1,000.00 USD");
        LiveEventsViewModel live = new LiveEventsViewModel(bob, BackgroundExecutor.sameThread(), wallets::load);
        live.start();
        try {
            assertThat(eventually(() -> live.caughtUp())).as("the feed was read to its end").isTrue();

            ApiClient alice = SERVER.signedIn(ALICE);
            String aliceWallet = alice.accounts().get(0).id();
            alice.pay(UUID.randomUUID().toString(), new PaymentRequest("25.00", "USD", aliceWallet, BOB, null, null));

            assertThat(eventually(() -> firstAvailable(wallets).equals("1,025.00 USD")))
                    .as("the overview shows the money, now " + firstAvailable(wallets)).isTrue();
            assertThat(eventually(() -> live.announcementProperty().get().startsWith("Received 25.00 USD")))
                    .as("announced: " + live.announcementProperty().get()).isTrue();
            assertThat(live.announcementProperty().get()).isEqualTo("Received 25.00 USD from alice@example.com");
        } finally {
            live.stop();
        }
    }

    @Test
    void moneyThatArrivedBeforeSignInIsNotAnnounced() throws Exception {
        ApiClient alice = SERVER.signedIn(ALICE);
        LiveEventsViewModel live = new LiveEventsViewModel(alice, BackgroundExecutor.sameThread(), () -> { });
        live.start();
        try {
            assertThat(eventually(live::caughtUp)).isTrue();

            assertThat(live.announcementProperty().get()).isEmpty();
        } finally {
            live.stop();
        }
    }
}
