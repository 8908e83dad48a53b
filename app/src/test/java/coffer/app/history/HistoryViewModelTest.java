package coffer.app.history;

import coffer.app.InProcessServer;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.core.api.PaymentTypes.PaymentRequest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

class HistoryViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();
    private static final int PAYMENTS = 5;

    /** Bob receives the demo opening balance and then five payments from alice, "coffee 1" to "coffee 5". */
    @BeforeAll
    static void alicePaysBob() {
        ApiClient alice = SERVER.signedIn(ALICE);
        String wallet = alice.accounts().get(0).id();
        for (int i = 1; i <= PAYMENTS; i++) {
            alice.pay(UUID.randomUUID().toString(),
                    new PaymentRequest(i + ".00", "USD", wallet, BOB, "coffee " + i, null));
        }
    }

    private static HistoryViewModel loadedFor(String email, int pageSize) {
        ApiClient api = SERVER.signedIn(email);
        HistoryViewModel viewModel = new HistoryViewModel(api, api, BackgroundExecutor.sameThread(), pageSize);
        viewModel.load();
        return viewModel;
    }

    @Test
    void theFirstWalletsHistoryShowsWithSignedAmounts() {
        HistoryViewModel viewModel = loadedFor(ALICE, 100);

        assertThat(viewModel.wallet.get().currency()).isEqualTo("USD");
        assertThat(viewModel.rows).hasSize(PAYMENTS + 1);
        assertThat(viewModel.rows).filteredOn(r -> r.description().equals("coffee 2"))
                .singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo("-2.00 USD"));
        assertThat(viewModel.rows).filteredOn(r -> r.description().equals("Opening balance"))
                .singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo("+1,000.00 USD"));
        assertThat(viewModel.hasMore.get()).isFalse();
    }

    @Test
    void scrollingToTheEndFetchesTheNextPageUntilNoneIsLeft() {
        HistoryViewModel viewModel = loadedFor(ALICE, 2);
        assertThat(viewModel.rows).hasSize(2);
        assertThat(viewModel.hasMore.get()).isTrue();

        viewModel.loadMore();
        viewModel.loadMore();
        viewModel.loadMore();
        viewModel.loadMore();

        assertThat(viewModel.rows).hasSize(PAYMENTS + 1);
        assertThat(viewModel.rows).extracting(HistoryRow::id).doesNotHaveDuplicates();
        assertThat(viewModel.hasMore.get()).isFalse();
    }

    @Test
    void textSearchAndKindFilterNarrowTheList() {
        HistoryViewModel viewModel = loadedFor(BOB, 100);

        viewModel.search.set("coffee 3");
        viewModel.search();
        assertThat(viewModel.rows).singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo("+3.00 USD"));

        viewModel.search.set("");
        viewModel.kind.set("topup");
        assertThat(viewModel.rows).singleElement()
                .satisfies(r -> assertThat(r.description()).isEqualTo("Opening balance"));

        viewModel.kind.set(HistoryViewModel.ANY);
        viewModel.status.set("failed");
        assertThat(viewModel.rows).isEmpty();
        assertThat(viewModel.error.get()).isEmpty();
    }
}
