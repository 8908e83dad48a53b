package coffer.app.order;

import coffer.app.api.ApiClient;
import coffer.app.api.ApiException;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.format.Amounts;
import coffer.app.wallet.WalletChoice;
import coffer.app.wallet.WalletRow;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.OrderTypes.OrderRequest;
import coffer.core.api.OrderTypes.OrderView;
import coffer.core.api.OrderTypes.ProductView;
import coffer.core.money.Money;
import java.util.List;
import java.util.Objects;
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
    private final ApiClient api;
    private final ObservableList<ProductRow> products = FXCollections.observableArrayList();
    private final ObjectProperty<ProductRow> product = new SimpleObjectProperty<>();
    private final WalletChoice wallets = new WalletChoice();
    private final ObservableList<String> orders = FXCollections.observableArrayList();
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final BooleanProperty awaitingConfirmation = new SimpleBooleanProperty();
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty balance = new SimpleStringProperty("");
    /** The reviewed order awaiting confirmation, or null. */
    private Draft draft;

    public OrderViewModel(ApiClient api, BackgroundExecutor executor) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
    }

    /** The catalogue, by name. */
    public ObservableList<ProductRow> products() {
        return products;
    }

    public ObjectProperty<ProductRow> productProperty() {
        return product;
    }

    public ObservableList<WalletRow> wallets() {
        return wallets.wallets();
    }

    public ObjectProperty<WalletRow> walletProperty() {
        return wallets.chosenProperty();
    }

    /** The user's latest orders, newest first, as lines ("Coffee beans — 12.50 USD, paid"). */
    public ObservableList<String> orders() {
        return orders;
    }

    /** The question to confirm ("Buy Coffee beans for 12.50 USD from your USD wallet?"); empty while choosing. */
    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public BooleanProperty awaitingConfirmationProperty() {
        return awaitingConfirmation;
    }

    /** What the last order did. */
    public StringProperty resultProperty() {
        return result;
    }

    /** The paying wallet's available balance after the last order. */
    public StringProperty balanceProperty() {
        return balance;
    }

    /** Reads the catalogue, the wallets and the latest orders. */
    public void load() {
        state.run(() -> new Loaded(api.products(), api.accounts(), api.orders()), loaded -> {
            products.setAll(loaded.products().stream().map(ProductRow::of).toList());
            wallets.show(loaded.accounts());
            showOrders(loaded.orders());
            if (products.isEmpty()) {
                state.error("Nothing is on sale in this environment yet.");
            }
        });
    }

    /** Checks the choice and, if it is fine, asks for confirmation. */
    public void review() {
        state.clearError();
        result.set("");
        ProductRow chosen = product.get();
        WalletRow from = wallets.chosenProperty().get();
        if (chosen == null) {
            state.error("Choose the product to buy.");
            return;
        }
        if (from == null) {
            state.error("Choose the wallet to pay from.");
            return;
        }
        if (!from.currency().equals(chosen.currency())) {
            state.error(chosen.name() + " is priced in " + chosen.currency() + "; choose a " + chosen.currency() + " wallet.");
            return;
        }
        Money price = Money.parse(chosen.priceDecimal(), chosen.currency());
        if (price.isGreaterThan(Money.parse(from.availableDecimal(), from.currency()))) {
            state.error("Not enough funds: " + chosen.name() + " costs " + chosen.price() + " and this wallet has "
                    + from.available() + " available.");
            return;
        }
        draft = new Draft(new OrderRequest(from.id(), chosen.id()), chosen.name(), UUID.randomUUID().toString());
        confirmation.set("Buy " + chosen.name() + " for " + chosen.price() + " from your " + from.currency() + " wallet?");
        awaitingConfirmation.set(true);
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
        state.run(() -> new Bought(api.order(placing.key(), placing.request()), api.accounts(), api.orders()),
                this::bought, failure -> {
                    state.fail("Could not buy " + placing.productName(), failure);
                    boolean mayRetry = failure instanceof ApiException e && e.kind() == ApiException.Kind.NETWORK_DOWN;
                    if (!mayRetry) {
                        cancel();
                    }
                });
    }

    private void bought(Bought bought) {
        cancel();
        OrderView o = bought.order();
        result.set("Bought " + o.productName() + " for " + Amounts.format(o.amount(), o.currency()) + " (order "
                + o.orderId() + ").");
        wallets.show(bought.accounts(), o.walletId()).ifPresent(w -> balance.set("Available now: " + w.available()));
        showOrders(bought.orders());
    }

    private void showOrders(List<OrderView> latest) {
        orders.setAll(latest.stream().map(o -> o.productName() + " — " + Amounts.format(o.amount(), o.currency())
                + ", " + o.status()).toList());
    }

    /** A reviewed order and the idempotency key that placing it, and any retry of that, carries. */
    private record Draft(OrderRequest request, String productName, String key) {
    }

    private record Loaded(List<ProductView> products, List<AccountView> accounts, List<OrderView> orders) {
    }

    private record Bought(OrderView order, List<AccountView> accounts, List<OrderView> orders) {
    }
}
