package coffer.app.history;

import coffer.app.api.AccountsApi;
import coffer.app.api.HistoryApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.detail.TransactionDetailViewModel;
import coffer.app.format.Amounts;
import coffer.app.format.Times;
import coffer.app.i18n.Texts;
import coffer.app.wallet.WalletRow;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.TransactionTypes.TransactionList;
import coffer.core.api.TransactionTypes.TransactionView;
import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;

/**
 * A wallet's history: filtered by kind, status and text on the server, fetched a page at a time as
 * the user scrolls (the server's cursor keeps the filters). Opening a row shows its detail and receipt;
 * the selected wallet's balance over time is drawn from its posted movements; the filtered list
 * exports as CSV. Rows come from one {@link HistorySource}, newest first; the table may sort them otherwise
 * ({@link #reordered}).
 */
public final class HistoryViewModel extends ScreenViewModel {
    /** Stands for "no filter" in the kind and status pickers. */
    public static final String ANY = "any";

    /** Movements walked back for the balance chart: the most recent ones, enough for a readable line. */
    static final int CHART_MOVEMENTS = 2_000;
    /**
     * Movements fetched at most for a sort other than newest first: pages come newest first only, so the rest
     * of the list is fetched for the sort to cover it, as far as this.
     */
    static final int SORTED_ROWS = 2_000;
    /** From this span on the chart's time axis shows dates; below it times of day, to the second below an hour. */
    private static final Duration DAYS_ON_AXIS = Duration.ofDays(2);
    private static final Duration MINUTES_ON_AXIS = Duration.ofHours(1);

    private final int pageSize;
    private final HistorySource source;
    private final ZoneId zone;
    private final TransactionDetailViewModel detail;
    private final CsvExportViewModel export;
    /** The movements behind the rows, by id, for their detail. */
    private final Map<String, TransactionView> shown = new HashMap<>();
    /** The selected wallet's balance over time, oldest first, for the chart. */
    public final ObservableList<BalanceHistory.Point> balancePoints = FXCollections.observableArrayList();
    /** The selected wallet's posted balance now, formatted. */
    public final StringProperty balance = new SimpleStringProperty("");
    /** What the chart covers, in words. */
    public final StringProperty chartNote = new SimpleStringProperty("");
    public final ObservableList<WalletRow> wallets = FXCollections.observableArrayList();
    public final ObservableList<String> kinds = FXCollections.observableArrayList(
            Stream.concat(Stream.of(ANY), Stream.of(TransactionKind.values()).map(TransactionKind::wire)).toList());
    public final ObservableList<String> statuses = FXCollections.observableArrayList(
            Stream.concat(Stream.of(ANY), Stream.of(TransactionStatus.values()).map(TransactionStatus::wire)).toList());
    /** The rows fetched so far, newest first, as the pages came. */
    public final ObservableList<HistoryRow> rows = FXCollections.observableArrayList();
    /** {@link #rows} in the order the table is sorted by: the View binds its comparator (none: newest first). */
    public final SortedList<HistoryRow> sortedRows = new SortedList<>(rows);
    /**
    * Set by the View: true while the table is sorted in another order than newest first. Pages come newest first
    * only (from the server and from the local copy alike), so a sort of the rows scrolled to so far would put the
    * largest amount or the oldest date of a few pages on top, not of the list. While this is true the rest of the
    * list is fetched, up to {@link #SORTED_ROWS} movements, and the sort covers it; {@link #sortNote}
    * says when the list is longer than that.
    */
    public final BooleanProperty reordered = new SimpleBooleanProperty();
    /** Empty, or how far a sort reaches when the list was too long to fetch all of it. */
    public final StringProperty sortNote = new SimpleStringProperty("");
    public final ObjectProperty<WalletRow> wallet = new SimpleObjectProperty<>();
    public final StringProperty kind = new SimpleStringProperty(ANY);
    public final StringProperty status = new SimpleStringProperty(ANY);
    public final StringProperty search = new SimpleStringProperty("");
    public final BooleanProperty hasMore = new SimpleBooleanProperty();
    private String nextCursor;
    /** Bumped by each new search, so a page of an older search that arrives late is dropped. */
    private int generation;
    /** Bumped by each chart load, so an older load that arrives late is dropped. */
    private int chartGeneration;
    /** True while the selected wallet's row is swapped for a fresher one: the same wallet, nothing to reload. */
    private boolean freshening;

    /** The server's history and wallets, in the system's time zone. */
    public HistoryViewModel(HistoryApi history, AccountsApi accounts, BackgroundExecutor executor, int pageSize) {
        this(history, executor, pageSize, HistorySource.of(Objects.requireNonNull(accounts, "accounts")::accounts,
                Objects.requireNonNull(history, "history")::transactions), ZoneId.systemDefault());
    }

    /**
     * @param api    for what only the server can do: a movement's detail, refunds, the CSV export
     * @param source where the wallets and rows come from: the server, or the local copy of the ledger
     *               ({@link LocalHistorySource}), so the history scrolls, filters and searches offline
     * @param zone   the user's time zone, for the dates in the table, the chart and the receipts
     */
    public HistoryViewModel(HistoryApi api, BackgroundExecutor executor, int pageSize, HistorySource source, ZoneId zone) {
        super(executor);
        Objects.requireNonNull(api, "api");
        this.source = Objects.requireNonNull(source, "source");
        this.zone = Objects.requireNonNull(zone, "zone");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
        }
        this.pageSize = pageSize;
        this.detail = new TransactionDetailViewModel(api, executor, zone, this::refresh);
        this.export = new CsvExportViewModel(api, executor, this::exportQuery);
        // choosing another wallet, kind or status starts over; typed text waits for search()
        wallet.addListener((o, was, now) -> {
            if (freshening) {
                return;
            }
            detail.close();
            search();
            loadChart();
        });
        kind.addListener((o, was, now) -> search());
        status.addListener((o, was, now) -> search());
        reordered.addListener((o, was, now) -> fetchRestOrSayHowFar());
    }

    /**
     * A label of the chart's time axis, in the user's time zone and locale: the date when the axis spans two days
     * or more, else the time of day (to the second when it spans less than an hour, so the ticks differ).
     */
    public String tick(Number epochSecond, double spanSeconds) {
        Instant at = Instant.ofEpochSecond(epochSecond.longValue());
        if (spanSeconds >= DAYS_ON_AXIS.getSeconds()) {
            return Times.date(at, zone);
        }
        if (spanSeconds < MINUTES_ON_AXIS.getSeconds()) {
            return Times.time(at, zone);
        }
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Texts.formatLocale()).withZone(zone)
                .format(at);
    }

    /** A label of the chart's balance axis, a number in the user's locale: "1,500" or "1.500". */
    public String balanceTick(Number balance) {
        return NumberFormat.getNumberInstance(Texts.formatLocale()).format(balance);
    }

    /** The opened movement's detail, receipt and refund. */
    public TransactionDetailViewModel detail() {
        return detail;
    }

    /** "Export CSV" of the current filters. */
    public CsvExportViewModel export() {
        return export;
    }

    /** A point's balance in major units, as a number only for drawing it; the exact value stays in minor units. */
    public double forDrawing(BalanceHistory.Point point) {
        WalletRow w = wallet.get();
        int digits = w == null ? 2 : Currency.getInstance(w.currency()).getDefaultFractionDigits();
        return BigDecimal.valueOf(point.minor(), Math.max(digits, 0)).doubleValue();
    }

    /** Shows the detail of a row the user opened. */
    public void open(HistoryRow row) {
        if (row != null && shown.containsKey(row.id())) {
            detail.show(shown.get(row.id()));
        }
    }

    /** After a refund: the list, the chart and the balance as the server now has them. */
    public void refresh() {
        search();
        loadChart();
    }

    /**
     * Draws the selected wallet's balance: its posted balance now, walked back through its most recent
     * movements (at most {@link #CHART_MOVEMENTS}).
     */
    public void loadChart() {
        WalletRow w = wallet.get();
        int forGeneration = ++chartGeneration;
        if (w == null) {
            balancePoints.clear();
            balance.set("");
            chartNote.set("");
            return;
        }
        state.background(() -> BalanceHistory.read(source, w.id(), CHART_MOVEMENTS), chart -> {
            if (forGeneration != chartGeneration) {
                return;
            }
            balance.set(Texts.text("history.balance", Amounts.format(chart.balance())));
            freshen(chart.account());
            balancePoints.setAll(chart.points());
            chartNote.set(Texts.text(chart.points().isEmpty() ? "history.chart.none"
                    : chart.complete() ? "history.chart.all" : "history.chart.latest", CHART_MOVEMENTS));
        });
    }

    /** Shows the selected wallet's fresh balances in the picker too, without starting the list over. */
    private void freshen(AccountView account) {
        WalletRow current = wallet.get();
        WalletRow fresh = WalletRow.of(account);
        int at = wallets.indexOf(current);
        if (current == null || !current.id().equals(fresh.id()) || current.equals(fresh) || at < 0) {
            return;
        }
        freshening = true;
        try {
            wallets.set(at, fresh);
            wallet.set(fresh);
        } finally {
            freshening = false;
        }
    }

    /** Loads the wallets, then (through the wallet's listener) the first page of the first wallet's history. */
    public void load() {
        state.run(source::wallets, accounts -> {
            wallets.setAll(accounts.stream().map(WalletRow::of).toList());
            if (wallets.isEmpty()) {
                search();
            } else {
                wallet.set(wallets.get(0));
            }
        });
    }

    /** Starts over with the current wallet and filters. */
    public void search() {
        generation++;
        rows.clear();
        shown.clear();
        nextCursor = null;
        hasMore.set(false);
        sortNote.set("");
        fetch(generation);
    }

    /** The next page, when the user scrolled to the end; nothing if one is on its way or none is left. */
    public void loadMore() {
        if (hasMore.get() && !state.isBusy()) {
            fetch(generation);
        }
    }

    private void fetch(int forGeneration) {
        // the server's cursor carries the filters and page size, and is sent alone
        Map<String, String> query = nextCursor != null ? Map.of("cursor", nextCursor) : firstPageQuery();
        state.clearError();
        state.begin(() -> source.transactions(query), page -> {
            if (forGeneration != generation) {
                return;
            }
            state.done();
            show(page);
            fetchRestOrSayHowFar();
        }, failure -> {
            state.fail(failure);
            sayHowFarTheSortReaches();
        });
    }

    /** While sorted other than newest first: the next page, up to {@link #SORTED_ROWS}. */
    private void fetchRestOrSayHowFar() {
        if (reordered.get() && hasMore.get() && rows.size() < SORTED_ROWS && !state.isBusy()) {
            sortNote.set("");
            fetch(generation);
        } else {
            sayHowFarTheSortReaches();
        }
    }

    private void sayHowFarTheSortReaches() {
        boolean partial = reordered.get() && hasMore.get() && !state.isBusy();
        sortNote.set(partial ? Texts.text("history.sort.partial", rows.size()) : "");
    }

    private Map<String, String> firstPageQuery() {
        Map<String, String> query = exportQuery();
        query.put("limit", Integer.toString(pageSize));
        return query;
    }

    /** The current wallet and filters, as the list and the CSV export take them. */
    private Map<String, String> exportQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        if (wallet.get() != null) {
            query.put("wallet_id", wallet.get().id());
        }
        putFilter(query, "kind", kind.get());
        putFilter(query, "status", status.get());
        String text = search.get() == null ? "" : search.get().strip();
        if (!text.isEmpty()) {
            query.put("q", text);
        }
        return query;
    }

    private static void putFilter(Map<String, String> query, String name, String value) {
        if (value != null && !ANY.equals(value)) {
            query.put(name, value);
        }
    }

    private void show(TransactionList page) {
        List<HistoryRow> more = new ArrayList<>(page.transactions().size());
        page.transactions().forEach(t -> {
            more.add(HistoryRow.of(t, zone));
            shown.put(t.id(), t);
        });
        rows.addAll(more);
        nextCursor = page.nextCursor();
        hasMore.set(page.hasMore() && nextCursor != null);
    }
}
