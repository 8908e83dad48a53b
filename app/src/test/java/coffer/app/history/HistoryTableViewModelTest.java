package coffer.app.history;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.i18n.Texts;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.TransactionTypes.TransactionList;
import coffer.core.api.TransactionTypes.TransactionView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the history table shows and how it sorts, from a made-up list: typed money and instants, in the user's zone
 * and language, and a sort that covers the list and not only the pages scrolled to.
 */
class HistoryTableViewModelTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final AccountView WALLET = new AccountView("wal_1", "USD", "1000.00", "1000.00", "0.00", "active");
    /** Never called: the rows come from the made-up source. */
    private static final ApiClient NO_SERVER = ApiClient.create("http://127.0.0.1:9");

    private final Locale language = Texts.locale();

    @AfterEach
    void restoreLanguage() {
        Texts.use(language);
    }

    private static TransactionView movement(String id, String kind, String amount, String direction, String at) {
        return new TransactionView(id, kind, "completed", amount, "USD", direction, "alice@example.com", "wal_2",
                "note " + id, null, at, at, "wal_1", null);
    }

    /** The movements served newest first, {@code limit} a page, with a cursor as the server's. */
    private HistorySource source(List<TransactionView> movements) {
        List<TransactionView> newestFirst = movements.stream()
                .sorted(Comparator.comparing((TransactionView t) -> Instant.parse(t.createdAt())).reversed()).toList();
        return HistorySource.of(() -> List.of(WALLET), query -> {
            String[] cursor = query.getOrDefault("cursor", "0:" + query.get("limit")).split(":");
            int from = Integer.parseInt(cursor[0]);
            int limit = Integer.parseInt(cursor[1]);
            int to = Math.min(newestFirst.size(), from + limit);
            boolean more = to < newestFirst.size();
            return new TransactionList(newestFirst.subList(from, to), more ? to + ":" + limit : null, more);
        });
    }

    private HistoryViewModel loaded(List<TransactionView> movements, int pageSize, ZoneId zone) {
        HistoryViewModel viewModel = new HistoryViewModel(NO_SERVER, BackgroundExecutor.sameThread(), pageSize,
                source(movements), zone);
        viewModel.load();
        return viewModel;
    }

    @Test
    void theAmountColumnSortsBySignedMoneyNotByText() {
        HistoryViewModel viewModel = loaded(List.of(
                movement("a", "p2p", "10.00", "in", "2026-03-01T10:00:00Z"),
                movement("b", "p2p", "5.00", "out", "2026-03-02T10:00:00Z"),
                movement("c", "p2p", "2.00", "in", "2026-03-03T10:00:00Z")), 100, TOKYO);

        viewModel.sortedRows.setComparator(HistoryRow.BY_AMOUNT);

        // as text, "+10.00" < "+2.00" < "-5.00"
        assertThat(viewModel.sortedRows).extracting(HistoryRow::amount)
                .containsExactly("-5.00 USD", "+2.00 USD", "+10.00 USD");
        assertThat(viewModel.sortedRows).extracting(HistoryRow::credit).containsExactly(false, true, true);
    }

    @Test
    void theDateColumnSortsByInstantAcrossTheEndOfDaylightSavingTime() {
        // New York, 1 November 2026: 1:30 EDT comes first, then the clocks go back and 1:10 EST comes 40 minutes later
        HistoryViewModel viewModel = loaded(List.of(
                movement("later", "p2p", "1.00", "in", "2026-11-01T06:10:00Z"),
                movement("earlier", "p2p", "1.00", "in", "2026-11-01T05:30:00Z")), 100, NEW_YORK);

        viewModel.sortedRows.setComparator(HistoryRow.BY_DATE);

        assertThat(viewModel.sortedRows).extracting(HistoryRow::id).containsExactly("earlier", "later");
        assertThat(viewModel.sortedRows).extracting(HistoryRow::date)
                .containsExactly("Nov 1, 2026, 1:30:00 AM", "Nov 1, 2026, 1:10:00 AM");
    }

    @Test
    void theDateShowsInTheUsersZoneNotInUtc() {
        HistoryViewModel viewModel = loaded(List.of(movement("a", "topup", "1.00", "in", "2026-01-02T03:04:05Z")), 100,
                TOKYO);

        assertThat(viewModel.rows).singleElement().extracting(HistoryRow::date).isEqualTo("Jan 2, 2026, 12:04:05 PM");
    }

    @Test
    void aSpanishRowSpeaksSpanishAndWritesMoneyTheSpanishWay() {
        Texts.use(Texts.SPANISH);
        HistoryViewModel viewModel = loaded(List.of(movement("a", "p2p", "1234.50", "out", "2026-01-02T03:04:05Z")),
                100, TOKYO);

        HistoryRow row = viewModel.rows.get(0);
        assertThat(row.kindName()).isEqualTo("Envío a una persona");
        assertThat(row.statusName()).isEqualTo("Completado");
        assertThat(row.amount()).isEqualTo("-1.234,50 USD");
        assertThat(row.date()).isEqualTo("2 ene 2026 12:04:05");
        assertThat(viewModel.balance.get()).isEqualTo("Saldo: 1.000,00 USD");
    }

    @Test
    void aSortOtherThanNewestFirstFetchesTheRestOfTheList() {
        List<TransactionView> movements = IntStream.rangeClosed(1, 7)
                .mapToObj(i -> movement("m" + i, "p2p", i + ".00", "in", "2026-03-0" + i + "T10:00:00Z")).toList();
        HistoryViewModel viewModel = loaded(movements, 2, TOKYO);
        assertThat(viewModel.rows).as("one page").hasSize(2);

        viewModel.sortedRows.setComparator(HistoryRow.BY_AMOUNT);
        viewModel.reordered.set(true);

        assertThat(viewModel.sortedRows).extracting(HistoryRow::id)
                .as("the smallest amount of all, not of the first page, on top")
                .containsExactly("m1", "m2", "m3", "m4", "m5", "m6", "m7");
        assertThat(viewModel.hasMore.get()).isFalse();
        assertThat(viewModel.sortNote.get()).isEmpty();
    }

    @Test
    void aListLongerThanASortReachesSaysSo() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<TransactionView> movements = IntStream.range(0, HistoryViewModel.SORTED_ROWS + 10)
                .mapToObj(i -> movement("m" + i, "p2p", "1.00", "in", start.plusSeconds(60L * i).toString())).toList();
        HistoryViewModel viewModel = loaded(movements, 500, TOKYO);

        viewModel.reordered.set(true);

        assertThat(viewModel.rows).hasSize(HistoryViewModel.SORTED_ROWS);
        assertThat(viewModel.sortNote.get())
                .isEqualTo("Sorted among the latest 2,000 movements; older ones are left out.");

        viewModel.reordered.set(false);
        assertThat(viewModel.sortNote.get()).as("newest first again: nothing to say").isEmpty();
    }

    @Test
    void theChartsTimeAxisShowsDatesOrTimesInTheUsersZoneAndLanguage() {
        HistoryViewModel viewModel = loaded(List.of(), 100, TOKYO);
        long at = Instant.parse("2026-01-02T03:04:05Z").getEpochSecond();
        double days = Duration.ofDays(30).getSeconds();
        double hours = Duration.ofHours(5).getSeconds();
        double seconds = Duration.ofSeconds(40).getSeconds();

        assertThat(viewModel.tick(at, days)).isEqualTo("Jan 2, 2026");
        assertThat(viewModel.tick(at, hours)).isEqualTo("12:04 PM");
        assertThat(viewModel.tick(at, seconds)).isEqualTo("12:04:05 PM");
        Texts.use(Texts.SPANISH);
        assertThat(viewModel.tick(at, days)).isEqualTo("2 ene 2026");
        assertThat(viewModel.tick(at, hours)).isEqualTo("12:04");
        assertThat(viewModel.tick(at, seconds)).isEqualTo("12:04:05");
    }
}
