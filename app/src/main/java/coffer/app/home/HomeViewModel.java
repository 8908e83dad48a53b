package coffer.app.home;

import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.format.Amounts;
import coffer.app.history.HistorySource;
import coffer.app.i18n.Texts;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.TransactionTypes.TransactionView;
import coffer.core.money.Money;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Where a signed-in user lands: what is available in each currency over all their wallets, their last few
 * movements, and the actions they most often take. Read from one {@link HistorySource}: the local copy of the
 * ledger when there is one (so it shows with no network), else the server.
 */
public final class HomeViewModel extends ScreenViewModel {
    /** Where the quick actions lead. */
    public enum Action { SEND, RECEIVE, TOPUP, WITHDRAW, HISTORY }

    /** How many of the latest movements show. */
    static final int RECENT = 5;

    private record Overview(List<AccountView> wallets, List<TransactionView> recent) {
    }

    private final HistorySource source;
    private final ZoneId zone;
    private final Consumer<Action> go;
    /** What is available in each currency, by currency code (the server and the local copy list wallets in other orders). */
    public final ObservableList<CurrencyTotal> totals = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headingWrapper = new ReadOnlyStringWrapper(Texts.text("home.totals"));
    /** What the totals are of: the user's wallets, or an organization's. */
    public final ReadOnlyStringProperty heading = headingWrapper.getReadOnlyProperty();
    /** The latest movements over all wallets, newest first. */
    public final ObservableList<RecentMovement> recent = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loadedWrapper = new ReadOnlyBooleanWrapper();
    /** True once the overview has been read: until then "no wallets" would be premature. */
    public final ReadOnlyBooleanProperty loaded = loadedWrapper.getReadOnlyProperty();
    /** Bumped by each read; only the latest one's result shows. */
    private int reads;

    /**
     * @param source the user's wallets and movements: the local ledger ({@code LocalHistorySource}) or the API
     * @param zone   the user's time zone, for the movements' times
     * @param go     opens the screen of a quick action
     */
    /** The wallets shown are {@code name}'s, an organization's. */
    public void actFor(String name) {
        headingWrapper.set(Texts.text("home.totals.organization", name));
    }

    public HomeViewModel(HistorySource source, BackgroundExecutor executor, ZoneId zone, Consumer<Action> go) {
        super(executor);
        this.source = Objects.requireNonNull(source, "source");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.go = Objects.requireNonNull(go, "go");
    }

    /**
     * Reads the overview; once it shows, a reload (after a sync brought changes) is quiet. Of reads that overlap,
     * the last one started is shown: an earlier one that ends later would show older data.
     */
    public void load() {
        int read = ++reads;
        Callable<Overview> overview = () -> new Overview(source.wallets(),
                source.transactions(Map.of("limit", Integer.toString(RECENT))).transactions());
        Consumer<Overview> show = o -> {
            if (read == reads) {
                show(o);
            }
        };
        if (loaded.get()) {
            state.background(overview, show);
        } else {
            state.run(overview, show);
        }
    }

    /** Opens the screen of a quick action. */
    public void go(Action action) {
        go.accept(Objects.requireNonNull(action, "action"));
    }

    private void show(Overview overview) {
        state.clearError();
        totals.setAll(totalsOf(overview.wallets()));
        recent.setAll(overview.recent().stream().limit(RECENT).map(t -> RecentMovement.of(t, zone)).toList());
        loadedWrapper.set(true);
    }

    /** The available balances summed per currency, exactly (minor units), by currency code. */
    static List<CurrencyTotal> totalsOf(List<AccountView> wallets) {
        Map<String, Money> sums = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (AccountView wallet : wallets) {
            sums.merge(wallet.currency(), Money.parse(wallet.availableBalance(), wallet.currency()), Money::plus);
            counts.merge(wallet.currency(), 1, Integer::sum);
        }
        return sums.entrySet().stream().map(e -> new CurrencyTotal(e.getKey(), nameOf(e.getValue().currency()),
                Amounts.format(e.getValue()), Texts.text("home.total.wallets", counts.get(e.getKey())))).toList();
    }

    /** "US Dollar"; Java names some currencies in lower case in some languages ("dólar estadounidense"). */
    private static String nameOf(Currency currency) {
        Locale language = Texts.locale();
        String name = currency.getDisplayName(language);
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }
}
