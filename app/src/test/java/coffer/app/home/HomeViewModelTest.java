package coffer.app.home;

import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.history.HistorySource;
import coffer.app.i18n.Texts;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.TransactionTypes.TransactionList;
import coffer.core.api.TransactionTypes.TransactionView;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Home's totals, latest movements and quick actions, from a source standing in for the ledger. */
class HomeViewModelTest {
    /** UTC-6 all year: a time shown in UTC would be off by six hours. */
    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private static final List<AccountView> WALLETS = List.of(
            new AccountView("wal_1", "USD", "830.00", "825.00", "5.00", "active"),
            new AccountView("wal_2", "EUR", "0.00", "0.00", "0.00", "active"),
            new AccountView("wal_3", "USD", "200.10", "200.10", "0.00", "locked"),
            new AccountView("wal_4", "JPY", "1500", "1500", "0", "active"));

    private final Locale language = Texts.locale();
    private final List<Map<String, String>> queries = new ArrayList<>();
    private final List<HomeViewModel.Action> opened = new ArrayList<>();

    @AfterEach
    void restoreLanguage() {
        Texts.use(language);
    }

    private static TransactionView movement(int n, String kind, String direction, String counterparty, String note) {
        return new TransactionView("txn_" + n, kind, "completed", n + ".00", "USD", direction, counterparty, null, note,
                null, "2026-12-02T14:0" + n + ":05Z", null, "wal_1", null);
    }

    private HomeViewModel home(List<TransactionView> movements) {
        HistorySource source = HistorySource.of(() -> WALLETS, query -> {
            queries.add(query);
            return new TransactionList(movements, null, false);
        });
        HomeViewModel home = new HomeViewModel(source, BackgroundExecutor.sameThread(), MEXICO, opened::add);
        home.load();
        return home;
    }

    @Test
    void eachCurrencyIsTotalledExactlyOverAllItsWalletsByCurrencyCode() {
        HomeViewModel home = home(List.of());

        assertThat(home.error.get()).isEmpty();
        assertThat(home.totals).extracting(CurrencyTotal::currency, CurrencyTotal::name, CurrencyTotal::amount, CurrencyTotal::wallets).containsExactly(
                tuple("EUR", "Euro", "0.00 EUR", "in 1 wallet"),
                tuple("JPY", "Japanese Yen", "1,500 JPY", "in 1 wallet"),
                tuple("USD", "US Dollar", "1,025.10 USD", "in 2 wallets"));
        assertThat(home.loaded.get()).isTrue();
    }

    @Test
    void theLatestMovementsShowInWordsSignedAndInTheUsersTimeZone() {
        HomeViewModel home = home(List.of(movement(2, "p2p", "out", "bob@example.com", "Lunch"),
                movement(1, "topup", "in", null, "Opening balance")));

        assertThat(queries).containsExactly(Map.of("limit", "5"));
        assertThat(home.recent).extracting(RecentMovement::kind, RecentMovement::with, RecentMovement::amount, RecentMovement::status)
                .containsExactly(tuple("Sent to a person", "bob@example.com", "-2.00 USD", "Completed"),
                        tuple("Top-up", "Opening balance", "+1.00 USD", "Completed"));
        assertThat(home.recent.get(0).when()).as("14:02 UTC is 8:02 in Mexico City")
                .contains("8:02:05").doesNotContain("14:02").doesNotContain("Z");
    }

    @Test
    void inSpanishTheTotalsKindsAndTimesAreSpanish() {
        Texts.use(Texts.SPANISH);

        HomeViewModel home = home(List.of(movement(3, "p2p", "in", "bob@example.com", null)));

        assertThat(home.totals).extracting(CurrencyTotal::name, CurrencyTotal::amount, CurrencyTotal::wallets).containsExactly(
                tuple("Euro", "0,00 EUR", "en 1 billetera"), tuple("Yen", "1.500 JPY", "en 1 billetera"),
                tuple("Dólar estadounidense", "1.025,10 USD", "en 2 billeteras"));
        assertThat(home.recent).extracting(RecentMovement::kind, RecentMovement::amount, RecentMovement::status)
                .containsExactly(tuple("Envío a una persona", "+3,00 USD", "Completado"));
        assertThat(home.recent.get(0).when()).contains("dic").contains("8:03:05");
    }

    @Test
    void atMostFiveMovementsShowEvenIfTheSourceGivesMore() {
        HomeViewModel home = home(IntStream.rangeClosed(1, 8).mapToObj(n -> movement(n, "p2p", "out", "bob@example.com", null))
                .toList());

        assertThat(home.recent).extracting(RecentMovement::id).containsExactly("txn_1", "txn_2", "txn_3", "txn_4", "txn_5");
    }

    @Test
    void aQuickActionOpensItsScreen() {
        HomeViewModel home = home(List.of());

        home.go(HomeViewModel.Action.RECEIVE);
        home.go(HomeViewModel.Action.TOPUP);

        assertThat(opened).containsExactly(HomeViewModel.Action.RECEIVE, HomeViewModel.Action.TOPUP);
    }

    @Test
    void aSlowEarlierReadDoesNotOverwriteALaterOne() {
        List<List<AccountView>> answers = new ArrayList<>(List.of(WALLETS.subList(0, 1), WALLETS));
        HistorySource source = HistorySource.of(() -> answers.remove(0), query -> new TransactionList(List.of(), null, false));
        HeldResults executor = new HeldResults();
        HomeViewModel home = new HomeViewModel(source, executor, MEXICO, opened::add);

        home.load();
        home.load();
        executor.release(1);
        executor.release(0);

        assertThat(home.totals).as("the later read's three currencies, not the earlier read's one").hasSize(3);
        assertThat(home.busy.get()).isFalse();
    }

    /** Runs the work at once and hands each result over when the test says, in the order it says. */
    private static final class HeldResults implements BackgroundExecutor {
        private final List<Runnable> results = new ArrayList<>();

        @Override
        public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            try {
                T result = work.call();
                results.add(() -> onSuccess.accept(result));
            } catch (Exception e) {
                results.add(() -> onFailure.accept(e));
            }
        }

        @Override
        public void schedule(Duration delay, Runnable task) {
            throw new UnsupportedOperationException();
        }

        void release(int index) {
            results.get(index).run();
        }
    }

    @Test
    void aFailedReadIsSaidInWordsAndAReloadShowsTheDataOnceItArrives() {
        boolean[] down = {true};
        HistorySource source = HistorySource.of(() -> {
            if (down[0]) {
                throw new IllegalStateException("disk unplugged");
            }
            return WALLETS;
        }, query -> new TransactionList(List.of(), null, false));
        HomeViewModel home = new HomeViewModel(source, BackgroundExecutor.sameThread(), MEXICO, opened::add);

        home.load();
        assertThat(home.error.get()).isEqualTo("Something went wrong: disk unplugged");
        assertThat(home.loaded.get()).as("no \"no wallets yet\" over a failure").isFalse();

        down[0] = false;
        home.load();
        assertThat(home.error.get()).isEmpty();
        assertThat(home.totals).hasSize(3);
    }
}
