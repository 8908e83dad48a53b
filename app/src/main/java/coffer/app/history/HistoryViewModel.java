package coffer.app.history;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.format.Problems;
import coffer.app.wallet.WalletRow;
import coffer.core.api.TransactionTypes.TransactionList;
import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import java.util.ArrayList;
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

/**
 * A wallet's history: filtered by kind, status and text on the server, fetched a page at a time as
 * the user scrolls (the server's cursor keeps the filters).
 */
public final class HistoryViewModel {
    /** Stands for "no filter" in the kind and status pickers. */
    public static final String ANY = "any";

    private final HistorySource source;
    private final BackgroundExecutor executor;
    private final int pageSize;
    private final ObservableList<WalletRow> wallets = FXCollections.observableArrayList();
    private final ObservableList<String> kinds = FXCollections.observableArrayList(
            Stream.concat(Stream.of(ANY), Stream.of(TransactionKind.values()).map(TransactionKind::wire)).toList());
    private final ObservableList<String> statuses = FXCollections.observableArrayList(
            Stream.concat(Stream.of(ANY), Stream.of(TransactionStatus.values()).map(TransactionStatus::wire)).toList());
    private final ObservableList<HistoryRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<WalletRow> wallet = new SimpleObjectProperty<>();
    private final StringProperty kind = new SimpleStringProperty(ANY);
    private final StringProperty status = new SimpleStringProperty(ANY);
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty hasMore = new SimpleBooleanProperty();
    private String nextCursor;
    /** Bumped by each new search, so a page of an older search that arrives late is dropped. */
    private int generation;

    public HistoryViewModel(ApiClient api, BackgroundExecutor executor, int pageSize) {
        this(HistorySource.of(api::accounts, api::transactions), executor, pageSize);
    }

    /** History from {@code source}, such as the local copy of the ledger ({@link LocalHistorySource}). */
    public HistoryViewModel(HistorySource source, BackgroundExecutor executor, int pageSize) {
        this.source = Objects.requireNonNull(source, "source");
        this.executor = Objects.requireNonNull(executor, "executor");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
        }
        this.pageSize = pageSize;
        // choosing another wallet, kind or status starts over; typed text waits for search()
        wallet.addListener((o, was, now) -> search());
        kind.addListener((o, was, now) -> search());
        status.addListener((o, was, now) -> search());
    }

    public ObservableList<WalletRow> wallets() {
        return wallets;
    }

    public ObservableList<String> kinds() {
        return kinds;
    }

    public ObservableList<String> statuses() {
        return statuses;
    }

    public ObservableList<HistoryRow> rows() {
        return rows;
    }

    public ObjectProperty<WalletRow> walletProperty() {
        return wallet;
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty hasMoreProperty() {
        return hasMore;
    }

    /** Loads the wallets, then (through the wallet's listener) the first page of the first wallet's history. */
    public void load() {
        busy.set(true);
        executor.submit(source::wallets, accounts -> {
            busy.set(false);
            wallets.setAll(accounts.stream().map(WalletRow::of).toList());
            if (wallets.isEmpty()) {
                search();
            } else {
                wallet.set(wallets.get(0));
            }
        }, this::fail);
    }

    /** Starts over with the current wallet and filters. */
    public void search() {
        generation++;
        rows.clear();
        nextCursor = null;
        hasMore.set(false);
        fetch(generation);
    }

    /** The next page, when the user scrolled to the end; nothing if one is on its way or none is left. */
    public void loadMore() {
        if (hasMore.get() && !busy.get()) {
            fetch(generation);
        }
    }

    private void fetch(int forGeneration) {
        // the server's cursor carries the filters and page size, and is sent alone
        Map<String, String> query = nextCursor != null ? Map.of("cursor", nextCursor) : firstPageQuery();
        busy.set(true);
        error.set("");
        executor.submit(() -> source.transactions(query), page -> {
            if (forGeneration != generation) {
                return;
            }
            busy.set(false);
            show(page);
        }, this::fail);
    }

    private Map<String, String> firstPageQuery() {
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
        query.put("limit", Integer.toString(pageSize));
        return query;
    }

    private static void putFilter(Map<String, String> query, String name, String value) {
        if (value != null && !ANY.equals(value)) {
            query.put(name, value);
        }
    }

    private void show(TransactionList page) {
        List<HistoryRow> more = new ArrayList<>(page.transactions().size());
        page.transactions().forEach(t -> more.add(HistoryRow.of(t)));
        rows.addAll(more);
        nextCursor = page.nextCursor();
        hasMore.set(page.hasMore() && nextCursor != null);
    }

    private void fail(Throwable failure) {
        busy.set(false);
        error.set(Problems.describe(failure));
    }
}
