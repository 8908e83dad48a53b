package coffer.app.order;

import coffer.app.api.AccountsApi;
import coffer.app.api.ApiException;
import coffer.app.api.OrdersApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.format.Amounts;
import coffer.app.i18n.Texts;
import coffer.app.wallet.WalletChoice;
import coffer.app.wallet.WalletRow;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.OrderTypes.OrderRequest;
import coffer.core.api.OrderTypes.OrderView;
import coffer.core.api.OrderTypes.ProductView;
import coffer.core.money.Money;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Pay an order: choose a product of the catalogue and the wallet to pay from, review, confirm. The server
 * charges the catalogue's price; the screen then shows the order, the wallet's new balance and the
 * user's latest orders.
 */
public final class OrderViewModel extends ScreenViewModel {
    /** The order statuses the API names ({@code OrderTypes.OrderView}), each with its text. */
    private static final Set<String> STATUSES = Set.of("paid", "partially_refunded", "refunded");

    private final OrdersApi api;
    private final AccountsApi accounts;
    /** The catalogue, by name. */
    public final ObservableList<ProductRow> products = FXCollections.observableArrayList();
    public final ObjectProperty<ProductRow> product = new SimpleObjectProperty<>();
    private final WalletChoice choice = new WalletChoice();
    public final ObservableList<WalletRow> wallets = choice.wallets;
    public final ObjectProperty<WalletRow> wallet = choice.chosen;
    /** The user's latest orders, newest first, as lines ("Coffee beans — 12.50 USD, paid"). */
    public final ObservableList<String> orders = FXCollections.observableArrayList();
    /** The question to confirm ("Buy Coffee beans for 12.50 USD from your USD wallet?"); empty while choosing. */
    public final StringProperty confirmation = new SimpleStringProperty("");
    public final BooleanProperty awaitingConfirmation = new SimpleBooleanProperty();
    /** What the last order did. */
    public final StringProperty result = new SimpleStringProperty("");
    /** The paying wallet's available balance after the last order. */
    public final StringProperty balance = new SimpleStringProperty("");
    /** The reviewed order awaiting confirmation, or null. */
    private Draft draft;

    public OrderViewModel(OrdersApi api, AccountsApi accounts, BackgroundExecutor executor) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    /** Reads the catalogue, the wallets and the latest orders. */
    public void load() {
        state.run(() -> new Loaded(api.products(), accounts.accounts(), api.orders()), loaded -> {
            products.setAll(loaded.products().stream().map(ProductRow::of).toList());
            choice.show(loaded.accounts());
            showOrders(loaded.orders());
            if (products.isEmpty()) {
                state.error(Texts.text("order.error.nothingOnSale"));
            }
        });
    }

    /** Checks the choice and, if it is fine, asks for confirmation. */
    public void review() {
        state.clearError();
        result.set("");
        ProductRow chosen = product.get();
        WalletRow from = wallet.get();
        String problem = problem(chosen, from);
        if (problem != null) {
            state.error(problem);
            return;
        }
        draft = new Draft(new OrderRequest(from.id(), chosen.id()), chosen.name(), UUID.randomUUID().toString());
        confirmation.set(Texts.text("order.confirmation", chosen.name(), chosen.price(), from.currency()));
        awaitingConfirmation.set(true);
    }

    /** What stops buying {@code chosen} from {@code from}, in words; null when nothing does. */
    private static String problem(ProductRow chosen, WalletRow from) {
        if (chosen == null) {
            return Texts.text("order.error.product");
        }
        if (from == null) {
            return Texts.text("order.error.wallet");
        }
        if (!from.currency().equals(chosen.currency())) {
            return Texts.text("order.error.currency", chosen.name(), chosen.currency());
        }
        Money price = Money.parse(chosen.priceDecimal(), chosen.currency());
        if (price.isGreaterThan(Money.parse(from.availableDecimal(), from.currency()))) {
            return Texts.text("order.error.funds", chosen.name(), chosen.price(), from.available());
        }
        return null;
    }

    public void cancel() {
        draft = null;
        confirmation.set("");
        awaitingConfirmation.set(false);
    }

    /** Places the reviewed order. A retry after a network failure reuses its key, so the wallet is charged once. */
    public void confirm() {
        Draft placing = draft;
        if (placing == null) {
            return;
        }
        state.clearError();
        state.run(() -> new Bought(api.order(placing.key(), placing.request()), accounts.accounts(), api.orders()),
                this::bought, failure -> {
                    state.fail(Texts.text("order.error.buy", placing.productName()), failure);
                    boolean mayRetry = failure instanceof ApiException e && e.kind() == ApiException.Kind.NETWORK_DOWN;
                    if (!mayRetry) {
                        cancel();
                    }
                });
    }

    private void bought(Bought bought) {
        cancel();
        OrderView o = bought.order();
        result.set(Texts.text("order.bought", o.productName(), Amounts.format(o.amount(), o.currency()), o.orderId()));
        choice.show(bought.accounts(), o.walletId())
                .ifPresent(w -> balance.set(Texts.text("order.availableNow", w.available())));
        showOrders(bought.orders());
    }

    private void showOrders(List<OrderView> latest) {
        orders.setAll(latest.stream().map(o -> Texts.text("order.line", o.productName(),
                Amounts.format(o.amount(), o.currency()), statusName(o.status()))).toList());
    }

    /** An order's status as the user reads it ("partially_refunded" → "partly refunded"); one this app does not know shows as it came. */
    private static String statusName(String wire) {
        return STATUSES.contains(wire) ? Texts.text("order.status." + wire) : wire;
    }

    /** A reviewed order and the idempotency key that placing it, and any retry of that, carries. */
    private record Draft(OrderRequest request, String productName, String key) {
    }

    private record Loaded(List<ProductView> products, List<AccountView> accounts, List<OrderView> orders) {
    }

    private record Bought(OrderView order, List<AccountView> accounts, List<OrderView> orders) {
    }
}
