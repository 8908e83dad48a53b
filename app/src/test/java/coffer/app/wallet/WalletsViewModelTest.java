package coffer.app.wallet;

import coffer.app.InProcessServer;
import coffer.app.concurrent.BackgroundExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

class WalletsViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    private static WalletsViewModel loadedFor(String email) {
        WalletsViewModel viewModel = new WalletsViewModel(SERVER.signedIn(email), BackgroundExecutor.sameThread());
        viewModel.load();
        return viewModel;
    }

    @Test
    void theOverviewShowsBalancesStatusKycAndWhatIsLeftToday() {
        WalletsViewModel viewModel = loadedFor(ALICE);

        assertThat(viewModel.wallets).singleElement().satisfies(w -> {
            assertThat(w.currency()).isEqualTo("USD");
            assertThat(w.available()).isEqualTo("1,000.00 USD");
            assertThat(w.pending()).isEqualTo("0.00 USD");
            assertThat(w.posted()).isEqualTo("1,000.00 USD");
            assertThat(w.status()).isEqualTo("active");
            assertThat(w.leftToday()).isEqualTo("5,000.00 USD");
        });
        assertThat(viewModel.kycSummary.get())
                .contains("Identity: Verified").contains("tier 1").contains("left today 5,000.00 USD");
        assertThat(viewModel.error.get()).isEmpty();
        assertThat(viewModel.busy.get()).isFalse();
    }

    @Test
    void aWalletInAnotherCurrencyOpensEmpty() {
        WalletsViewModel viewModel = loadedFor(BOB);
        viewModel.newCurrency.set("eur");

        viewModel.openWallet();

        assertThat(viewModel.wallets).extracting(WalletRow::currency).contains("USD", "EUR");
        assertThat(viewModel.wallets).filteredOn(w -> w.currency().equals("EUR"))
                .singleElement().satisfies(w -> assertThat(w.available()).isEqualTo("0.00 EUR"));
        assertThat(viewModel.notice.get()).isEqualTo("Opened a EUR wallet.");
    }

    @Test
    void anUnknownOrDuplicateCurrencyIsRefused() {
        WalletsViewModel viewModel = loadedFor(ALICE);

        viewModel.newCurrency.set("XYZ");
        viewModel.openWallet();
        assertThat(viewModel.error.get()).isEqualTo("Enter a currency code such as EUR or GBP.");

        viewModel.newCurrency.set("USD");
        viewModel.openWallet();
        assertThat(viewModel.error.get()).isEqualTo("You already have a USD wallet.");
        assertThat(viewModel.wallets).hasSize(1);
    }

    @Test
    void aWalletLocksAndUnlocks() {
        WalletsViewModel viewModel = loadedFor(BOB);
        WalletRow usd = viewModel.wallets.stream().filter(w -> w.currency().equals("USD")).findFirst().orElseThrow();
        viewModel.selected.set(usd);
        assertThat(viewModel.canLock.get()).isTrue();
        assertThat(viewModel.canUnlock.get()).isFalse();

        viewModel.lockSelected();
        assertThat(viewModel.selected.get().status()).isEqualTo("locked");
        assertThat(viewModel.canUnlock.get()).isTrue();

        viewModel.unlockSelected();
        assertThat(viewModel.selected.get().status()).isEqualTo("active");
        assertThat(viewModel.notice.get()).isEqualTo("Unlocked the USD wallet.");
    }

    @Test
    void aReloadAfterAServerEventKeepsTheNoticeAndTheButtonsUsable() {
        WalletsViewModel viewModel = loadedFor(BOB);
        viewModel.selected.set(viewModel.wallets.get(0));
        viewModel.lockSelected();
        viewModel.unlockSelected();
        java.util.List<Boolean> busyChanges = new java.util.ArrayList<>();
        viewModel.busy.addListener((o, was, now) -> busyChanges.add(now));

        viewModel.load();

        assertThat(viewModel.notice.get()).isEqualTo("Unlocked the USD wallet.");
        assertThat(busyChanges).as("the buttons were never disabled by the reload").isEmpty();
        assertThat(viewModel.wallets).extracting(WalletRow::status).contains("active");
    }

    @Test
    void lockingWithNothingChosenSaysSo() {
        WalletsViewModel viewModel = loadedFor(ALICE);

        viewModel.lockSelected();

        assertThat(viewModel.error.get()).isEqualTo("Choose a wallet first.");
    }
}
