package coffer.app.history;

import coffer.app.InProcessServer;
import coffer.app.Payments;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.core.api.TransactionTypes.TransactionList;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/** The wallet detail around the history: opening a row, the balance chart, the CSV export, a refund. */
class HistoryDetailViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    /** Alice pays bob 1.00, 2.00 and 3.00 ("tea 1" to "tea 3"), each completed before the next. */
    @BeforeAll
    static void alicePaysBob() throws Exception {
        Payments.completedInTurn(SERVER.signedIn(ALICE), BOB, "tea", 3);
    }

    private static HistoryViewModel loadedFor(String email, List<Map<String, String>> asked) {
        ApiClient api = SERVER.signedIn(email);
        HistoryViewModel viewModel = new HistoryViewModel(api, BackgroundExecutor.sameThread(), 100,
                HistorySource.of(api::accounts, query -> {
                    asked.add(query);
                    return api.transactions(query);
                }), ZoneId.of("UTC"));
        viewModel.load();
        return viewModel;
    }

    private static HistoryViewModel loadedFor(String email) {
        return loadedFor(email, new ArrayList<>());
    }

    @Test
    void rowsComeFromTheOneSourceGiven() {
        List<Map<String, String>> asked = new ArrayList<>();
        HistoryViewModel viewModel = loadedFor(BOB, asked);

        assertThat(viewModel.rows).isNotEmpty();
        assertThat(asked).isNotEmpty().allSatisfy(q -> assertThat(q).containsKey("wallet_id"));
    }

    @Test
    void openingARowShowsItsReceipt() {
        HistoryViewModel viewModel = loadedFor(BOB);
        HistoryRow tea = viewModel.rows.stream().filter(r -> r.description().equals("tea 2")).findFirst().orElseThrow();

        viewModel.open(tea);

        assertThat(viewModel.detail().transaction.get().id()).isEqualTo(tea.id());
        assertThat(viewModel.detail().receipt.get()).contains("Amount:               +2.00 USD\n")
                .contains("Counterparty:         alice@example.com\n").contains(" UTC\n");
        assertThat(viewModel.detail().refundable.get()).isTrue();
    }

    @Test
    void theChartWalksBackFromTheBalanceThroughThePayments() {
        HistoryViewModel viewModel = loadedFor(ALICE);

        assertThat(viewModel.balancePoints).extracting(BalanceHistory.Point::minor)
                .containsExactly(0L, 100_000L, 99_900L, 99_700L, 99_400L);
        assertThat(viewModel.balance.get()).isEqualTo("Balance: 994.00 USD");
        assertThat(viewModel.chartNote.get()).isEqualTo("Since the wallet opened.");
    }

    @Test
    void theCsvFileHoldsTheServersExportOfTheCurrentFilters(@TempDir Path dir) throws Exception {
        HistoryViewModel viewModel = loadedFor(ALICE);
        viewModel.search.set("tea");
        viewModel.search();
        Path file = dir.resolve("alice.csv");

        viewModel.export().export(file);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        SERVER.signedIn(ALICE).exportCsv(Map.of("wallet_id", viewModel.wallet.get().id(), "q", "tea"),
                expected);
        assertThat(Files.readString(file)).isEqualTo(expected.toString(java.nio.charset.StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("id,created_at,completed_at,kind,status,direction,amount");
        assertThat(lines).hasSize(1 + viewModel.rows.size()).hasSize(4);
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l).contains(",p2p,completed,out,").contains("tea"));
        assertThat(viewModel.export().message.get()).startsWith("Exported to " + file);
        assertThat(dir.resolve("alice.csv.part")).doesNotExist();
    }

    @Test
    void theChartHasAPointPerPostedMovementAndOneBeforeThem() {
        HistoryViewModel viewModel = loadedFor(BOB, new ArrayList<>());
        TransactionList all = SERVER.signedIn(BOB).transactions(Map.of("wallet_id", viewModel.wallet.get().id()));

        long posted = all.transactions().stream().filter(t -> t.status().equals("completed")).count();
        assertThat(viewModel.balancePoints).hasSize((int) posted + 1);
    }
}
