package coffer.app.send;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.format.AmountInput;
import coffer.app.format.Amounts;
import coffer.app.format.Problems;
import coffer.app.wallet.WalletRow;
import coffer.core.api.TransferTypes.TransferRequest;
import coffer.core.money.Money;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Move money between the user's own wallets of one currency. */
public final class TransferViewModel {
    private final ApiClient api;
    private final BackgroundExecutor executor;
    private final ObservableList<WalletRow> wallets = FXCollections.observableArrayList();
    private final ObjectProperty<WalletRow> from = new SimpleObjectProperty<>();
    private final ObjectProperty<WalletRow> to = new SimpleObjectProperty<>();
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public TransferViewModel(ApiClient api, BackgroundExecutor executor) {
        this.api = Objects.requireNonNull(api, "api");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public ObservableList<WalletRow> wallets() {
        return wallets;
    }

    public ObjectProperty<WalletRow> fromProperty() {
        return from;
    }

    public ObjectProperty<WalletRow> toProperty() {
        return to;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty resultProperty() {
        return result;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public void load() {
        busy.set(true);
        executor.submit(api::accounts, accounts -> {
            busy.set(false);
            wallets.setAll(accounts.stream().map(WalletRow::of).toList());
            if (wallets.size() < 2) {
                error.set("Open a second wallet on the Wallets screen to move money between your wallets.");
            }
        }, this::fail);
    }

    public void transfer() {
        error.set("");
        result.set("");
        WalletRow source = from.get();
        WalletRow target = to.get();
        if (source == null || target == null) {
            error.set("Choose both wallets.");
            return;
        }
        if (source.id().equals(target.id())) {
            error.set("Choose two different wallets.");
            return;
        }
        if (!source.currency().equals(target.currency())) {
            error.set("Both wallets must hold the same currency (" + source.currency() + " and " + target.currency() + ").");
            return;
        }
        Optional<String> problem = AmountInput.problem(amount.get(), source.currency());
        if (problem.isPresent()) {
            error.set(problem.get());
            return;
        }
        Money money = Money.parse(amount.get(), source.currency());
        busy.set(true);
        TransferRequest request = new TransferRequest(source.id(), target.id(), money.toDecimalString(),
                source.currency(), null);
        String key = UUID.randomUUID().toString();
        executor.submit(() -> {
            api.transfer(key, request);
            return api.accounts();
        }, accounts -> {
            busy.set(false);
            wallets.setAll(accounts.stream().map(WalletRow::of).toList());
            amount.set("");
            result.set("Moved " + Amounts.format(money) + " between your wallets.");
        }, this::fail);
    }

    private void fail(Throwable failure) {
        busy.set(false);
        error.set(Problems.describe(failure));
    }
}
