package coffer.app.history;

import coffer.app.InProcessServer;
import coffer.app.Payments;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/** A refund from the history's detail: the list, the chart and the balance follow (its own server: it moves money). */
class HistoryRefundViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    @BeforeAll
    static void alicePaysBob() throws Exception {
        Payments.completedInTurn(SERVER.signedIn(ALICE), BOB, "tea", 3);
    }

    private static HistoryViewModel loadedFor(String email) {
        ApiClient api = SERVER.signedIn(email);
        HistoryViewModel viewModel = new HistoryViewModel(api, api, BackgroundExecutor.sameThread(), 100);
        viewModel.load();
        return viewModel;
    }

    @Test
    void aRefundShowsInTheListTheChartAndTheBalance() {
        HistoryViewModel viewModel = loadedFor(BOB);
        assertThat(viewModel.balance.get()).isEqualTo("Balance: 1,006.00 USD");
        int rowsBefore = viewModel.rows.size();
        HistoryRow tea = viewModel.rows.stream().filter(r -> r.description().equals("tea 3")).findFirst().orElseThrow();
        viewModel.open(tea);

        viewModel.detail().startRefund();
        viewModel.detail().refundAmount.set("1.50");
        viewModel.detail().refundReason.set("too much tea");
        viewModel.detail().reviewRefund();
        viewModel.detail().confirmRefund();

        assertThat(viewModel.balance.get()).isEqualTo("Balance: 1,004.50 USD");
        assertThat(viewModel.wallet.get().posted()).as("the picker too").isEqualTo("1,004.50 USD");
        assertThat(viewModel.wallets).containsExactly(viewModel.wallet.get());
        assertThat(viewModel.rows).hasSize(rowsBefore + 1);
        assertThat(viewModel.rows).filteredOn(r -> r.description().equals("too much tea")).singleElement()
                .satisfies(r -> {
                    assertThat(r.kind()).isEqualTo("refund");
                    assertThat(r.amount()).isEqualTo("-1.50 USD");
                });
        List<BalanceHistory.Point> points = viewModel.balancePoints;
        assertThat(points.get(points.size() - 1).minor()).isEqualTo(100_450L);
        assertThat(viewModel.detail().refundSummary.get())
                .isEqualTo("Refunded so far: 1.50 USD — left to refund: 1.50 USD");
    }

}
