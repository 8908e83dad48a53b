package coffer.app.history;

import coffer.app.InProcessServer;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.local.LocalLedger;
import coffer.app.local.SyncEngine;
import coffer.app.wallet.WalletRow;
import coffer.app.wallet.WalletsViewModel;
import coffer.core.api.PaymentTypes.PaymentRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/** The wallets overview and the history read from the local copy of the ledger while the server is down. */
class LocalScreensViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();
    private static final int PAYMENTS = 5;

    @TempDir
    static Path dir;
    private static LocalLedger ledger;
    private static ApiClient alice;
    private static List<WalletRow> online;

    /** Alice pays bob "tea 1" to "tea 5", syncs her copy, and then the server stops. */
    @BeforeAll
    static void syncThenStopTheServer() {
        alice = SERVER.signedIn(ALICE);
        String wallet = alice.accounts().get(0).id();
        for (int i = 1; i <= PAYMENTS; i++) {
            alice.pay(UUID.randomUUID().toString(), new PaymentRequest(i + ".00", "USD", wallet, BOB, "tea " + i, null));
        }
        ledger = LocalLedger.open(dir.resolve("ledger.db"));
        new SyncEngine(alice::sync, alice::transactions, ledger, SyncEngine.Options.DEFAULT, Clock.systemUTC()).sync();
        WalletsViewModel wallets = new WalletsViewModel(alice, BackgroundExecutor.sameThread());
        wallets.load();
        online = List.copyOf(wallets.wallets);
        SERVER.stop();
    }

    @AfterAll
    static void restartTheServer() {
        ledger.close();
        SERVER.startAgain();
    }

    private static HistoryViewModel history(int pageSize) {
        HistoryViewModel viewModel = new HistoryViewModel(alice, BackgroundExecutor.sameThread(), pageSize,
                new LocalHistorySource(ledger), java.time.ZoneId.systemDefault());
        viewModel.load();
        return viewModel;
    }

    @Test
    void theOverviewShowsTheSyncedBalancesWithNoServer() {
        WalletsViewModel wallets = new WalletsViewModel(alice, ledger::wallets, BackgroundExecutor.sameThread());

        wallets.load();

        assertThat(wallets.error.get()).isEmpty();
        assertThat(wallets.wallets).extracting(WalletRow::id, WalletRow::available, WalletRow::posted, WalletRow::pending)
                .containsExactlyElementsOf(online.stream()
                        .map(w -> org.assertj.core.groups.Tuple.tuple(w.id(), w.available(), w.posted(), w.pending())).toList());
    }

    @Test
    void historyScrollsPageByPageWithNoServer() {
        HistoryViewModel viewModel = history(2);
        assertThat(viewModel.error.get()).isEmpty();
        assertThat(viewModel.rows).hasSize(2);

        while (viewModel.hasMore.get()) {
            viewModel.loadMore();
        }

        assertThat(viewModel.rows).hasSize(PAYMENTS + 1);
        assertThat(viewModel.rows).extracting(HistoryRow::id).doesNotHaveDuplicates();
        assertThat(viewModel.rows.get(0).description()).isEqualTo("tea " + PAYMENTS);
        assertThat(viewModel.rows).filteredOn(r -> r.description().equals("tea 2"))
                .singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo("-2.00 USD"));
    }

    @Test
    void historySearchesAndFiltersWithNoServer() {
        HistoryViewModel viewModel = history(100);

        viewModel.search.set("TEA 3");
        viewModel.search();
        assertThat(viewModel.error.get()).isEmpty();
        assertThat(viewModel.rows).extracting(HistoryRow::description).containsExactly("tea 3");

        viewModel.search.set("");
        viewModel.kind.set("p2p");
        assertThat(viewModel.rows).hasSize(PAYMENTS).allSatisfy(r -> assertThat(r.amount()).startsWith("-"));

        viewModel.status.set("reversed");
        assertThat(viewModel.rows).isEmpty();
    }

    @Test
    void dateAndAmountRangesNarrowTheLocalHistory() {
        LocalHistorySource source = new LocalHistorySource(ledger);
        String wallet = ledger.wallets().get(0).id();

        var between = source.transactions(java.util.Map.of("wallet_id", wallet, "min_amount", "2.00", "max_amount", "4.00"));
        var future = source.transactions(java.util.Map.of("wallet_id", wallet, "from", "2999-01-01"));
        var past = source.transactions(java.util.Map.of("wallet_id", wallet, "to", "2000-01-01"));

        assertThat(between.transactions()).extracting(t -> t.description()).containsExactly("tea 4", "tea 3", "tea 2");
        assertThat(future.transactions()).isEmpty();
        assertThat(past.transactions()).isEmpty();
    }
}
